using System.CommandLine;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// Builds the System.CommandLine tree from the catalog ("alerts list" becomes <c>list</c> under <c>alerts</c>) and
/// runs what was asked. Unknown options and commands are errors; every command has <c>--help</c>.
/// </summary>
internal static class CommandDispatcher
{
    /// <summary>Exit code of a wrong call (bad value, missing argument), as before the parser moved to System.CommandLine.</summary>
    public const int UsageError = 2;

    public static async Task<int> RunAsync(
        IReadOnlyList<ICliCommand> commands, string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = new RootCommand("NewsWatch: Xiaomi EV news monitoring and approval alerts");
        foreach (var command in commands)
        {
            Parent(root, command.Name).Subcommands.Add(Build(command, context));
        }

        var parsed = root.Parse(args);
        var code = await parsed.InvokeAsync(
            new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                // Program.cs owns Ctrl+C and SIGTERM (first one stops cleanly, second one kills).
                ProcessTerminationTimeout = null,
            },
            cancellationToken);
        return parsed.Errors.Count > 0 ? UsageError : code;
    }

    /// <summary>The command that holds the last word of <paramref name="name"/>, creating group commands on the way.</summary>
    private static Command Parent(Command root, string name)
    {
        var parent = root;
        foreach (var word in name.Split(' ')[..^1])
        {
            var group = parent.Subcommands.FirstOrDefault(c => c.Name == word);
            if (group is null)
            {
                group = new Command(word, $"newswatch {word} <command>");
                parent.Subcommands.Add(group);
            }

            parent = group;
        }

        return parent;
    }

    private static Command Build(ICliCommand command, CliContext context)
    {
        var usage = command.Usage.Split("   ", 2);
        var built = new Command(command.Name.Split(' ')[^1], usage.Length == 2 ? usage[1].Trim() : command.Usage);
        var options = new List<(CliOptionSpec, Option)>();
        foreach (var spec in command.OptionSpecs)
        {
            Option option = spec.IsFlag
                ? new Option<bool>("--" + spec.Name) { Description = spec.Description }
                : new Option<string>("--" + spec.Name) { Description = spec.Description, HelpName = spec.ValueName };
            built.Options.Add(option);
            options.Add((spec, option));
        }

        Argument? argument = null;
        if (command.Argument is { } a)
        {
            // A single value binds as string: System.CommandLine will not convert one token into a string[] of arity 0..1.
            argument = a.Many
                ? new Argument<string[]>(a.Name) { Description = a.Description, Arity = ArgumentArity.ZeroOrMore }
                : new Argument<string>(a.Name) { Description = a.Description, Arity = a.Optional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne };
            built.Arguments.Add(argument);
        }

        built.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                return await command.RunAsync(CliArguments.From(parsed, options, argument), cancellationToken);
            }
            catch (CliUsageException ex)
            {
                await context.Error.WriteLineAsync($"newswatch {command.Name}: {ex.Message}");
                await context.Error.WriteLineAsync($"usage: newswatch {usage[0].Trim()}   (newswatch {command.Name} --help)");
                return UsageError;
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException
                or Microsoft.Extensions.Options.OptionsValidationException or NewsWatch.Infrastructure.Storage.StorageSettingsException)
            {
                // A missing tool, file or setting: the message says what to do, a stack trace would bury it.
                await context.Error.WriteLineAsync($"newswatch {command.Name}: {ex.Message}");
                return 1;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync("newswatch: stopped");
                return 130;
            }
        });
        return built;
    }
}
