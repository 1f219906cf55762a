using NewsWatch.Cli.Benchmarks.Startup;
using NewsWatch.Infrastructure.LocalDev;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// <c>newswatch bench startup</c>: cold-start time and peak memory of the Functions handler for the framework-dependent,
/// self-contained, ReadyToRun and trimmed ReadyToRun composite builds (and Native AOT where it can be built), in one run, with the ratios.
/// </summary>
internal sealed class BenchStartupCommand(CliContext context) : ICliCommand
{
    public string Name => "bench startup";

    public string Usage => "bench startup [FLAVOR...] [--runs N] [--out DIR] [--reuse] [--format json]   handler cold start per build (publishes each with scripts/publish.sh)";

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var unknown = args.OptionNames.Except(["runs", "out", "reuse", "format"]).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option --{unknown[0]}");
        }

        var flavors = args.Positionals.Count == 0
            ? BuildFlavor.All
            : args.Positionals.Select(p => BuildFlavor.All.FirstOrDefault(f => f.Name == p)
                ?? throw new CliUsageException($"unknown build flavor '{p}' (known: {string.Join(", ", BuildFlavor.All.Select(f => f.Name))})")).ToList();
        var runs = args.GetInt("runs", 7);
        if (runs < 1)
        {
            throw new CliUsageException("--runs must be at least 1");
        }

        var json = args.Get("format") switch
        {
            null or "text" => false,
            "json" => true,
            var other => throw new CliUsageException($"--format takes text or json, not '{other}'"),
        };

        var root = AzuriteLauncher.FindRepositoryRoot(context.WorkingDirectory);
        var outDir = context.ResolvePath(args.Get("out") ?? Path.Combine(root, "out", "bench-startup"));
        Directory.CreateDirectory(outDir);

        var report = await new StartupBenchmark(root, outDir, context.Error).RunAsync(flavors, runs, args.Has("reuse"), cancellationToken);

        var resultFile = Path.Combine(outDir, "startup-results.json");
        await using (var file = File.Create(resultFile))
        {
            await StartupReportWriter.WriteJsonAsync(report, file);
        }

        if (json)
        {
            await using var stdout = Console.OpenStandardOutput();
            await StartupReportWriter.WriteJsonAsync(report, stdout);
        }
        else
        {
            await StartupReportWriter.WriteTextAsync(report, context.Out);
            await context.Out.WriteLineAsync($"raw numbers: {resultFile}");
        }

        return 0;
    }
}
