using System.Diagnostics;
using NewsWatch.WorkerHarness;

namespace NewsWatch.Benchmarks.Startup;

/// <summary>What one measured run gets: the app settings (fresh queue and tables, so every run does the same work) and the queue message.</summary>
public sealed record StartupRunSetup(IReadOnlyDictionary<string, string> AppSettings, string QueueMessage);

/// <summary>One cold start, each time measured from the worker process start.</summary>
public sealed record StartupRun(TimeSpan Ready, TimeSpan FirstTimer, TimeSpan FirstQueue, long? PeakResidentBytes);

public sealed record StartupFlavorResult(StartupFlavor Flavor, long PackageBytes, IReadOnlyList<StartupRun> Runs)
{
    public TimeSpan Ready => TimeSpan.FromTicks(Median(Runs.Select(r => r.Ready.Ticks)));

    public TimeSpan FirstTimer => TimeSpan.FromTicks(Median(Runs.Select(r => r.FirstTimer.Ticks)));

    public TimeSpan FirstQueue => TimeSpan.FromTicks(Median(Runs.Select(r => r.FirstQueue.Ticks)));

    public long? PeakResidentBytes => Runs.All(r => r.PeakResidentBytes is not null) ? Median(Runs.Select(r => r.PeakResidentBytes!.Value)) : null;

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

/// <summary>
/// Cold start of the published Functions worker: process start, the host's start-up conversation (the worker counts
/// as ready when it answers WorkerInitRequest), then a timer invocation and a queue invocation in the same fresh
/// process, as a scale-out instance woken by a poll sees them. Driven by <see cref="FunctionsHostEmulator"/>, which
/// plays the Functions host; the host's own start and the package mount on Azure come on top.
/// </summary>
public static class StartupBenchmark
{
    public const string PollFunction = "PollFeeds";
    public const string QueueFunction = "ProcessArticle";

    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(15);

    /// <summary>`dotnet publish -c Release` of the Functions app with the build's arguments, into an emptied folder.</summary>
    public static async Task PublishAsync(string repositoryRoot, StartupBuild build, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        // A file left from another flavor would change what starts.
        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = repositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] common = ["publish", Path.Combine("src", "NewsWatch.Functions", "NewsWatch.Functions.csproj"), "-c", "Release", "-o", outputDirectory, "-nologo", "-clp:ErrorsOnly", "--disable-build-servers"];
        foreach (var argument in common.Concat(build.PublishArguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(PublishLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish ({build.Name}) failed with {process.ExitCode}:{Environment.NewLine}{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}");
        }
    }

    public static long PackageBytes(string publishDirectory) =>
        new DirectoryInfo(publishDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    /// <summary>
    /// Every flavor <paramref name="runs"/> times, round-robin so a change in machine load touches all flavors alike,
    /// after one untimed run each (it warms the page cache, which a deployed instance has not, but a run-to-run
    /// comparison wants equal footing).
    /// </summary>
    public static async Task<IReadOnlyList<StartupFlavorResult>> RunAsync(
        IReadOnlyList<(StartupFlavor Flavor, string PublishDirectory)> flavors,
        int runs,
        Func<CancellationToken, Task<StartupRunSetup>> prepare,
        Action<string>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flavors);
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var measured = flavors.Select(_ => new List<StartupRun>()).ToList();
        for (var round = 0; round <= runs; round++)
        {
            for (var i = 0; i < flavors.Count; i++)
            {
                var (flavor, directory) = flavors[i];
                var run = await RunOnceAsync(directory, flavor, await prepare(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                if (round > 0)
                {
                    measured[i].Add(run);
                }

                progress?.Invoke($"{(round == 0 ? "warm-up" : $"run {round}/{runs}")} {flavor.Name}: ready {run.Ready.TotalMilliseconds:F0} ms, timer {run.FirstTimer.TotalMilliseconds:F0} ms, queue {run.FirstQueue.TotalMilliseconds:F0} ms");
            }
        }

        return flavors.Select((f, i) => new StartupFlavorResult(f.Flavor, PackageBytes(f.PublishDirectory), measured[i])).ToList();
    }

    public static async Task<StartupRun> RunOnceAsync(string publishDirectory, StartupFlavor flavor, StartupRunSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flavor);
        ArgumentNullException.ThrowIfNull(setup);
        var host = await FunctionsHostEmulator.StartAsync(
            new WorkerHarnessOptions { PublishDirectory = publishDirectory, AppSettings = setup.AppSettings, Environment = flavor.Environment },
            cancellationToken).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            var timer = await host.InvokeTimerAsync(PollFunction, cancellationToken: cancellationToken).ConfigureAwait(false);
            Require(timer, flavor);
            var queue = await host.InvokeQueueAsync(QueueFunction, setup.QueueMessage, cancellationToken: cancellationToken).ConfigureAwait(false);
            Require(queue, flavor);
            return new StartupRun(host.Timeline.InitAnswered, timer.AnsweredAfterProcessStart, queue.AnsweredAfterProcessStart, host.WorkerPeakResidentBytes());
        }
    }

    /// <summary>A failed invocation does less work than a good one; timing it would flatter the build.</summary>
    private static void Require(InvocationResult result, StartupFlavor flavor)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{flavor.Name}: {result.FunctionName} failed: {result.ExceptionType}: {result.ExceptionMessage}");
        }
    }
}
