using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Infrastructure;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Infrastructure.LocalDev;
using NewsWatch.Pipeline;

namespace NewsWatch.Cli.Benchmarks.Startup;

/// <summary>One way of building the handler; <see cref="Name"/> is the flavor scripts/publish.sh takes.</summary>
internal sealed record BuildFlavor(string Name, string Description)
{
    public static readonly BuildFlavor FrameworkDependent = new("framework-dependent", "JIT, shared .NET runtime");
    public static readonly BuildFlavor SelfContained = new("self-contained", "JIT, runtime in the package");
    public static readonly BuildFlavor ReadyToRun = new("ready-to-run", "self-contained + ReadyToRun per assembly");
    public static readonly BuildFlavor Composite = new("composite", "self-contained, trimmed, ReadyToRun composite (shipped)");
    public static readonly BuildFlavor NativeAot = new("native-aot", "Native AOT");

    public static IReadOnlyList<BuildFlavor> All { get; } = [FrameworkDependent, SelfContained, ReadyToRun, Composite, NativeAot];

    /// <summary>The build the release package uses; the targets are checked against it.</summary>
    public static BuildFlavor Shipped => Composite;

    /// <summary>The baseline the speed-up is measured against.</summary>
    public static BuildFlavor Baseline => FrameworkDependent;
}

/// <summary>The first invocation a cold instance answers: a timer tick or a queue message.</summary>
internal enum FirstInvocation
{
    /// <summary>PollFeeds: read the feed's state, fetch one RSS feed, claim its item, queue it, save the state.</summary>
    Timer,

    /// <summary>ProcessArticle: fetch a news page, extract it (AngleSharp), read and write the article row.</summary>
    Queue,
}

internal sealed record FlavorResult(
    BuildFlavor Flavor,
    string? Unavailable,
    long PackageBytes,
    IReadOnlyDictionary<FirstInvocation, IReadOnlyList<ColdStart>> Runs)
{
    public bool Measured => Unavailable is null && Runs.Count > 0;

    public IReadOnlyList<ColdStart> All => Runs.Values.SelectMany(r => r).ToList();

    public TimeSpan MedianFirstAnswer(FirstInvocation kind) => Median(Runs[kind].Select(r => r.FirstAnswer));

    public TimeSpan MedianReady => Median(All.Select(r => r.Ready));

    public TimeSpan MedianCpu(FirstInvocation kind) => Median(Runs[kind].Select(r => r.CpuTime));

    public long MedianPeakBytes => (long)Median(All.Select(r => TimeSpan.FromTicks(r.PeakWorkingSetBytes))).Ticks;

    /// <summary>The slower of the two first-invocation medians: a cold instance may be woken by either trigger.</summary>
    public TimeSpan WorstMedianFirstAnswer => Runs.Keys.Select(MedianFirstAnswer).Max();

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

internal sealed record StartupReport(
    IReadOnlyList<FlavorResult> Results, int Runs, string LoadBefore, string LoadAfter, DateTimeOffset At)
{
    public FlavorResult? Find(BuildFlavor flavor) => Results.FirstOrDefault(r => r.Flavor == flavor && r.Measured);
}

/// <summary>
/// <c>newswatch bench startup</c>: builds the handler in each flavor with scripts/publish.sh, then cold-starts each
/// build again and again the way the Functions host does, against Azurite and a loopback news site, and reports the
/// time from process start to the first answered invocation, the peak memory and the ratios to the
/// framework-dependent build. Rounds interleave the flavors so that background load spreads evenly over them.
/// </summary>
internal sealed class StartupBenchmark(string repositoryRoot, string outputDirectory, TextWriter log)
{
    /// <summary>Spec of issue 7: the shipped build answers its first invocation within this on the bench machine.</summary>
    public static readonly TimeSpan TargetFirstAnswer = TimeSpan.FromMilliseconds(150);

    /// <summary>Spec of issue 7: and at least this many times faster than the framework-dependent JIT build.</summary>
    public const double TargetSpeedup = 3.0;

    public async Task<StartupReport> RunAsync(IReadOnlyList<BuildFlavor> flavors, int runs, bool reuseBuilds, CancellationToken cancellationToken)
    {
        var loadBefore = LoadAverage();
        var builds = new Dictionary<BuildFlavor, (string? AppRoot, string? Unavailable)>();
        foreach (var flavor in flavors)
        {
            builds[flavor] = await PublishAsync(flavor, reuseBuilds, cancellationToken);
        }

        await using var azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions { RepositoryRoot = repositoryRoot }, cancellationToken);
        await CreateStorageAsync(azurite.ConnectionString, cancellationToken);
        await using var site = await BenchSite.StartAsync(cancellationToken);

        var measured = flavors.Where(f => builds[f].AppRoot is not null).ToList();
        var runsByFlavor = measured.ToDictionary(
            f => f,
            _ => Enum.GetValues<FirstInvocation>().ToDictionary(k => k, _ => new List<ColdStart>()));

        // Round 0 warms what is not under test: the OS file cache for each build, this process's own HTTP stack,
        // Azurite's first-request costs. Its numbers are discarded.
        for (var round = 0; round <= runs; round++)
        {
            foreach (var flavor in measured)
            {
                foreach (var kind in Enum.GetValues<FirstInvocation>())
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"{flavor.Name}-{kind}-{round}-{Guid.NewGuid():N}")[..48];
                    var start = await ColdStartAsync(builds[flavor].AppRoot!, azurite.ConnectionString, site, kind, id, cancellationToken);
                    if (start.StatusCode is < 200 or > 299)
                    {
                        throw new InvalidOperationException(
                            $"{flavor.Name}: the first {kind} invocation answered {start.StatusCode}: {start.Body}");
                    }

                    if (round > 0)
                    {
                        runsByFlavor[flavor][kind].Add(start);
                    }
                }
            }

            await log.WriteLineAsync(round == 0 ? "bench: warm-up round done" : $"bench: round {round}/{runs} done");
        }

        var results = flavors.Select(f => new FlavorResult(
                f,
                builds[f].Unavailable,
                builds[f].AppRoot is { } root ? DirectorySize(root) : 0,
                runsByFlavor.TryGetValue(f, out var r)
                    ? r.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ColdStart>)kv.Value)
                    : new Dictionary<FirstInvocation, IReadOnlyList<ColdStart>>()))
            .ToList();
        return new StartupReport(results, runs, loadBefore, LoadAverage(), DateTimeOffset.UtcNow);
    }

    private async Task<(string? AppRoot, string? Unavailable)> PublishAsync(BuildFlavor flavor, bool reuse, CancellationToken cancellationToken)
    {
        var output = Path.Combine(outputDirectory, flavor.Name);
        var appRoot = Path.Combine(output, "app");
        if (reuse && File.Exists(Path.Combine(appRoot, "handler")))
        {
            await log.WriteLineAsync($"bench: reusing {appRoot}");
            return (appRoot, null);
        }

        await log.WriteLineAsync($"bench: publishing {flavor.Name} (scripts/publish.sh)...");
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = repositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine("scripts", "publish.sh"), "--flavor", flavor.Name, "--output", output, "--no-zip" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start bash");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var errors = (await stdout) + (await stderr);
        if (process.ExitCode == 0)
        {
            return (appRoot, null);
        }

        // A flavor that cannot be built here (Native AOT without its runtime pack) is reported, not fatal.
        var reason = errors.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            ?? errors.Trim().Split('\n').LastOrDefault() ?? $"publish exited {process.ExitCode}";
        await log.WriteLineAsync($"bench: {flavor.Name} cannot be built here: {reason}");
        return (null, reason);
    }

    private static async Task<ColdStart> ColdStartAsync(
        string appRoot, string storage, BenchSite site, FirstInvocation kind, string id, CancellationToken cancellationToken)
    {
        // The same app settings the deployed app gets (docs/deploy.md), pointed at the emulator and the loopback site.
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AzureWebJobsStorage"] = storage,
            ["NewsWatch__PollSchedule"] = "0 */15 * * * *",
            ["NewsWatch__Feeds__0__Id"] = "bench",
            ["NewsWatch__Feeds__0__Name"] = "Startup benchmark feed",
            ["NewsWatch__Feeds__0__Url"] = site.FeedUrl(id).AbsoluteUri,
        };
        return kind switch
        {
            FirstInvocation.Timer => await HandlerProcess.MeasureAsync(appRoot, settings, "PollFeeds", TimerPayload(), cancellationToken),
            _ => await HandlerProcess.MeasureAsync(appRoot, settings, "ProcessArticle", QueuePayload(site.ArticleUrl(id), id), cancellationToken),
        };
    }

    private static async Task CreateStorageAsync(string connectionString, CancellationToken cancellationToken)
    {
        // The deployed app finds its queues and tables made by infra/; here the emulator starts empty. The app's own
        // composition says which ones.
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connectionString }).Build();
        await using var services = new ServiceCollection().AddLogging().AddNewsWatch(config).BuildServiceProvider();
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
    }

    /// <summary>A timer payload as captured from a real host (shared/reference/functions-custom-handler.md §3).</summary>
    private static string TimerPayload() =>
        "{\"Data\":{\"timer\":{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":null,\"IsPastDue\":false}},"
        + "\"Metadata\":{\"sys\":{\"MethodName\":\"PollFeeds\",\"UtcNow\":\"" + DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)
        + "\",\"RandGuid\":\"" + Guid.NewGuid() + "\"}}}";

    /// <summary>A queue payload the way the host sends it: message text and string metadata JSON-encoded twice.</summary>
    private static string QueuePayload(Uri article, string id)
    {
        var text = new ArticleMessage("bench", id, article, "Xiaomi YU7 orders", null, DateTimeOffset.UtcNow).ToJson();
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("Data");
            json.WriteString("message", JsonString(text));
            json.WriteEndObject();
            json.WriteStartObject("Metadata");
            json.WriteString("DequeueCount", "1");
            json.WriteString("Id", JsonString(Guid.NewGuid().ToString()));
            json.WriteString("PopReceipt", JsonString("AgAAAAMAAAAAAAAA8d5gQex+2AE="));
            json.WriteStartObject("sys");
            json.WriteString("MethodName", "ProcessArticle");
            json.WriteString("UtcNow", DateTimeOffset.UtcNow);
            json.WriteString("RandGuid", Guid.NewGuid().ToString());
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The text as a JSON string literal, quotes included (the host's extra encoding layer).</summary>
    private static string JsonString(string text)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStringValue(text);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static long DirectorySize(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
