namespace NewsWatch.Cli.Commands;

/// <summary>Chooses the command whose name matches the most leading words and runs it.</summary>
internal static class CommandDispatcher
{
    public static async Task<int> RunAsync(
        IReadOnlyList<ICliCommand> commands, string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var command = commands
            .Where(c => Matches(c.Name, args))
            .MaxBy(c => c.Name.Split(' ').Length);
        if (command is null)
        {
            var known = args.Length > 0 && args[0] is not ("-h" or "--help" or "help");
            if (known)
            {
                await context.Error.WriteLineAsync($"newswatch: unknown command '{string.Join(' ', args)}'");
            }

            await WriteUsageAsync(commands, known ? context.Error : context.Out);
            return known ? 2 : 0;
        }

        var rest = args.Skip(command.Name.Split(' ').Length);
        try
        {
            var parsed = CliArguments.Parse(rest, ValueOptions);
            return await command.RunAsync(parsed, cancellationToken);
        }
        catch (CliUsageException ex)
        {
            await context.Error.WriteLineAsync($"newswatch {command.Name}: {ex.Message}");
            await context.Error.WriteLineAsync($"usage: newswatch {command.Usage}");
            return 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("newswatch: stopped");
            return 130;
        }
    }

    /// <summary>Options that take a value; every other <c>--name</c> is a flag.</summary>
    private static readonly HashSet<string> ValueOptions =
    [
        "config", "corpus", "out", "data", "split", "passes", "warm-up", "concurrency", "seconds", "key", "limit", "format", "port", "runs",
        "subject",
    ];

    private static bool Matches(string name, string[] args)
    {
        var words = name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => w == args[i]).All(x => x);
    }

    private static async Task WriteUsageAsync(IReadOnlyList<ICliCommand> commands, TextWriter writer)
    {
        await writer.WriteLineAsync("usage: newswatch <command> [options]");
        foreach (var c in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            await writer.WriteLineAsync($"  newswatch {c.Usage}");
        }
    }
}
