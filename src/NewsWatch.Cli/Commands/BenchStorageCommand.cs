using System.Globalization;
using NewsWatch.Cli.Benchmarks.Storage;
using NewsWatch.Storage;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// <c>newswatch bench storage</c>: ops/s of send→receive→delete and upsert→get at several concurrencies, through
/// NewsWatch.Storage's clients and, in the same run, through bare HttpClient calls signed the same way (the
/// ceiling). Starts a fresh in-memory Azurite per cell unless NEWSWATCH_BENCH_STORAGE (or --connection=...) names
/// an account.
/// </summary>
internal sealed class BenchStorageCommand(CliContext context) : ICliCommand
{
    public const string ConnectionVariable = "NEWSWATCH_BENCH_STORAGE";
    private const double Goal = 0.85;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public string Name => "bench storage";

    public string Usage => "bench storage [--seconds N] [--concurrency 1,8,32] [--connection=CS]   ops/s of our storage clients vs bare HttpClient";

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var seconds = args.GetInt("seconds", 5);
        if (seconds is < 1 or > 20)
        {
            // Longer cells would overlap Azurite's 60 s queue GC pass (see StorageBenchEnvironment).
            throw new CliUsageException("--seconds must be 1-20");
        }

        var concurrencies = ParseConcurrencies(args.Get("concurrency") ?? "1,8,32");
        var connectionString = args.Get("connection") ?? Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = null;
            await context.Out.WriteLineAsync("emulator: a fresh in-memory Azurite per cell, on free loopback ports");
        }
        else
        {
            await context.Out.WriteLineAsync($"account: {StorageConnectionString.Parse(connectionString)}");
        }

        await context.Out.WriteLineAsync(
            $"per cell: {WarmUpText()} warm-up, then {seconds} s per target in alternating 0.25 s slices; both targets share one HttpClient");
        await context.Out.WriteLineAsync();
        await context.Out.WriteLineAsync($"{"operation",-22} {"calls/op",8} {"concurrency",11} {"clients ops/s",14} {"bare HttpClient ops/s",22} {"ratio",6} {"CPU µs/op clients",18} {"bare",6}");

        var tries = new TryCounter();
        long bareRetries = 0;
        var worst = double.MaxValue;
        foreach (var operation in StorageBenchOperation.All)
        {
            foreach (var concurrency in concurrencies)
            {
                await using var environment = await StorageBenchEnvironment.StartAsync(connectionString, concurrencies.Max(), tries, cancellationToken);
                await environment.Benchmark.WarmUpAsync(operation, concurrency, WarmUp, cancellationToken);
                var row = await environment.Benchmark.MeasureCellAsync(operation, concurrency, TimeSpan.FromSeconds(seconds), cancellationToken);
                bareRetries += environment.Bare.Retries;
                worst = Math.Min(worst, row.Ratio);
                await context.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{row.Operation,-22} {row.HttpCallsPerOp,8} {row.Concurrency,11} {row.ClientOpsPerSecond,14:F1} {row.BareOpsPerSecond,22:F1} {row.Ratio,6:F2} {row.ClientCpuMicrosecondsPerOp,18:F0} {row.BareCpuMicrosecondsPerOp,6:F0}"));
            }
        }

        await context.Out.WriteLineAsync();
        await context.Out.WriteLineAsync($"retries: clients {tries.Retries} (tries beyond the first), bare HttpClient {bareRetries} (resends after no answer)");
        await context.Out.WriteLineAsync("ops/s = median over the slices; CPU µs/op = this process's CPU time per operation (client overhead, independent of Azurite)");
        await context.Out.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"ratio = median over slice pairs of clients ÷ bare (each client slice against the bare slice next to it); goal ≥ {Goal:F2} (within 15%). Worst: {worst:F2} → {(worst >= Goal ? "within goal" : "OUTSIDE goal")}"));
        return 0;
    }

    private static string WarmUpText() => string.Create(CultureInfo.InvariantCulture, $"{WarmUp.TotalSeconds:0} s per target");

    private static int[] ParseConcurrencies(string text)
    {
        var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 256
                ? n
                : throw new CliUsageException($"--concurrency takes numbers 1-256 separated by commas, not '{v}'"))
            .ToArray();
        return values.Length > 0 ? values : throw new CliUsageException("--concurrency needs at least one value");
    }
}
