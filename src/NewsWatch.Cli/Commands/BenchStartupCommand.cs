using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Benchmarks.Measurement;
using NewsWatch.Benchmarks.Startup;
using NewsWatch.Cli.Sample;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.LocalDev;
using NewsWatch.Pipeline;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// <c>newswatch bench startup</c>: publishes the Functions worker framework-dependent, ReadyToRun per assembly and
/// as the shipped self-contained composite, starts each again and again under the host emulator against Azurite and the offline sample site, and
/// reports medians of process start → ready (init answered) → first timer answer → first queue answer, and peak RSS.
/// </summary>
internal sealed class BenchStartupCommand(CliContext context) : ICliCommand
{
    private const string SamplePage = "news/china-green-light-xiaomi-ev-venture.html";

    public string Name => "bench startup";

    public string Usage => "bench startup [--runs N] [--reuse] [--no-variants] [--out DIR]   cold start of the published worker: framework-dependent, ReadyToRun, shipped composite";

    public IReadOnlyList<CliOptionSpec> OptionSpecs => [CliOptionSpec.Value("runs", "N", "timed runs per flavor (default 5)"), CliOptionSpec.Flag("reuse", "reuse earlier publish output"), CliOptionSpec.Flag("no-variants", "only the three builds, no runtime-knob variants"), CliOptionSpec.Value("out", "DIR", "publish folder (default out/bench-startup)")];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var runs = args.GetInt("runs", 5);
        if (runs < 1)
        {
            throw new CliUsageException("--runs must be at least 1");
        }

        var root = FindRepositoryRoot() ?? throw new CliUsageException($"run it inside the NewsWatch repository (no NewsWatch.sln above {context.WorkingDirectory})");
        var output = context.ResolvePath(args.Get("out") ?? Path.Combine(root, "out", "bench-startup"));
        var flavors = StartupFlavor.Defaults(runtimeVariants: !args.Has("no-variants"));

        var directories = new Dictionary<StartupBuild, string>();
        foreach (var build in flavors.Select(f => f.Build).Distinct())
        {
            var directory = Path.Combine(output, build.Name);
            if (args.Has("reuse") && File.Exists(Path.Combine(directory, "worker.config.json")))
            {
                await Out($"publish: {build.Name} reused from {directory}");
            }
            else
            {
                await Out($"publish: {build.Name} -> {directory}");
                await StartupBenchmark.PublishAsync(root, build, directory, cancellationToken);
            }

            directories[build] = directory;
        }

        await using var azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions { RepositoryRoot = AzuriteLauncher.FindRepositoryRoot(root) }, cancellationToken);
        var site = new SampleSite(Path.Combine(root, "samples", "offline", "pages.json"), Path.GetFullPath(Path.Combine(root, "..", "shared", "seeds")));
        await using var sample = await SampleSiteServer.StartAsync(site, port: 0, cancellationToken);
        var pickup = Directory.CreateTempSubdirectory("newswatch-bench-pickup-").FullName;
        try
        {
            await Out($"machine: {Environment.ProcessorCount} cores, load average {Load()} at start; {runs} runs per flavor after one untimed run, medians; each run a fresh worker process and fresh queue/tables");
            var results = await StartupBenchmark.RunAsync(
                flavors.Select(f => (f, directories[f.Build])).ToList(),
                runs,
                ct => PrepareAsync(azurite.ConnectionString, sample.BaseUrl, pickup, ct),
                line => context.Error.WriteLine(line),
                cancellationToken);

            await Out(string.Empty);
            await Out($"| {"build",-44} | {"package",9} | {"ready",7} | {"first timer",11} | {"first queue",11} | {"peak RSS",8} |");
            await Out($"|{new string('-', 46)}|{new string('-', 10)}:|{new string('-', 8)}:|{new string('-', 12)}:|{new string('-', 12)}:|{new string('-', 9)}:|");
            foreach (var r in results)
            {
                await Out(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Flavor.Name,-44} | {r.PackageBytes / 1048576.0,6:F1} MB | {Ms(r.Ready),7} | {Ms(r.FirstTimer),11} | {Ms(r.FirstQueue),11} | {(r.PeakResidentBytes is { } p ? $"{p / 1048576.0:F0} MB" : "-"),8} |"));
            }

            var framework = results.First(r => r.Flavor.Build == StartupFlavor.FrameworkDependent && r.Flavor.Environment.Count == 0);
            var shipped = results.First(r => r.Flavor.Build == StartupFlavor.SelfContainedComposite && r.Flavor.Environment.Count == 0);
            await Out(string.Empty);
            await Out($"load average at end: {Load()}");
            await Out(string.Create(CultureInfo.InvariantCulture,
                $"startup ratio shipped/framework-dependent (first queue invocation): {shipped.FirstQueue.TotalMilliseconds / framework.FirstQueue.TotalMilliseconds:F2}"));
            return 0;
        }
        finally
        {
            Directory.Delete(pickup, recursive: true);
        }
    }

    /// <summary>
    /// Fresh queue and table names for every run, created up front as infra/app/storage.bicep creates them in Azure: the
    /// timer then finds five new feed items each time, and the queue message a page not yet stored.
    /// </summary>
    private static async Task<StartupRunSetup> PrepareAsync(string storage, Uri sampleBase, string pickup, CancellationToken cancellationToken)
    {
        var scope = ScopedStorageNames.NewScope("b");
        var settings = new Dictionary<string, string>(ScopedStorageNames.Settings(scope).Select(kv => KeyValuePair.Create(kv.Key, kv.Value!)))
        {
            ["AzureWebJobsStorage"] = storage,
            ["NewsWatch:PollSchedule"] = "0 */15 * * * *",
            ["NewsWatch:Feeds:0:Id"] = "sample",
            ["NewsWatch:Feeds:0:Url"] = new Uri(sampleBase, "feed.xml").AbsoluteUri,
            ["NewsWatch:Alerts:PickupDirectory"] = pickup,
            ["NewsWatch:Fetch:AllowPrivateNetworks"] = "true", // the sample site is on loopback
        };
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value))).Build();
        await using (var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddNewsWatch(config).BuildServiceProvider())
        {
            await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        }

        var message = new ArticleMessage("sample", "bench-" + scope, new Uri(sampleBase, SamplePage), null, null, DateTimeOffset.UtcNow).ToJson();
        return new StartupRunSetup(settings, message);
    }

    private string? FindRepositoryRoot()
    {
        foreach (var start in (ReadOnlySpan<string>)[context.WorkingDirectory, AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NewsWatch.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private static string Ms(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:F0} ms");

    private static string Load() => LoadAverage.OneMinute()?.ToString("F1", CultureInfo.InvariantCulture) ?? "unknown";

    private Task Out(string line) => context.Out.WriteLineAsync(line);
}
