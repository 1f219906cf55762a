using System.Diagnostics;

namespace NewsWatch.Cli.Benchmarks.Storage;

/// <summary>One measured cell: an operation at a concurrency, through the clients and through bare HttpClient.</summary>
/// <param name="ClientOpsPerSecond">Median over the cell's slices.</param>
/// <param name="ClientCpuMicrosecondsPerOp">This process's CPU time per operation: the overhead, independent of the emulator.</param>
/// <param name="Ratio">
/// Clients ÷ bare as the median of each client slice's rate over its neighbouring bare slice's: paired, so slow
/// drift cancels; a median, so one stall cannot decide it. 1.0 means no overhead; the goal is at least 0.85.
/// </param>
internal sealed record StorageBenchRow(
    string Operation,
    int HttpCallsPerOp,
    int Concurrency,
    double ClientOpsPerSecond,
    double BareOpsPerSecond,
    double ClientCpuMicrosecondsPerOp,
    double BareCpuMicrosecondsPerOp,
    double Ratio);

/// <summary>One benchmarked operation: its name, HTTP calls per operation, and how a target performs it.</summary>
internal sealed record StorageBenchOperation(string Name, int HttpCalls, Func<IStorageBenchTarget, Func<int, CancellationToken, Task>> Cycle)
{
    public static IReadOnlyList<StorageBenchOperation> All { get; } =
    [
        new("send→receive→delete", 3, t => t.SendReceiveDeleteAsync),
        new("upsert→get", 2, t => t.UpsertGetAsync),
    ];
}

/// <summary>
/// Measures both targets on one cell as many short alternating slices (C B, B C, C B …), so both see the same
/// background: the emulator's drift and whatever else shares the machine's cores. The median slice rate is
/// reported, so one scheduling stall cannot decide a cell.
/// </summary>
internal sealed class StorageBenchmark(ClientBenchTarget clients, BareHttpBenchTarget bare)
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(250);

    public async Task WarmUpAsync(StorageBenchOperation operation, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        await MeasureAsync(operation.Cycle(clients), concurrency, duration, cancellationToken);
        await MeasureAsync(operation.Cycle(bare), concurrency, duration, cancellationToken);
    }

    public async Task<StorageBenchRow> MeasureCellAsync(
        StorageBenchOperation operation, int concurrency, TimeSpan durationPerTarget, CancellationToken cancellationToken)
    {
        var slices = Math.Max(2, (int)Math.Round(durationPerTarget / Slice));
        var client = new List<SliceResult>(slices);
        var baseline = new List<SliceResult>(slices);
        for (var i = 0; i < slices; i++)
        {
            var clientFirst = i % 2 == 0;
            var a = await MeasureAsync(operation.Cycle(clientFirst ? clients : bare), concurrency, Slice, cancellationToken);
            var b = await MeasureAsync(operation.Cycle(clientFirst ? bare : clients), concurrency, Slice, cancellationToken);
            client.Add(clientFirst ? a : b);
            baseline.Add(clientFirst ? b : a);
        }

        var pairedRatios = client.Zip(baseline, (c, b) => Rate(c) / Math.Max(Rate(b), double.Epsilon));
        return new StorageBenchRow(
            operation.Name, operation.HttpCalls, concurrency, Median(client.Select(Rate)), Median(baseline.Select(Rate)),
            CpuPerOp(client), CpuPerOp(baseline), Median(pairedRatios));
    }

    private static double Rate(SliceResult slice) => slice.Ops / slice.Elapsed.TotalSeconds;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double CpuPerOp(List<SliceResult> slices) =>
        slices.Sum(s => s.Cpu.TotalMicroseconds) / Math.Max(1, slices.Sum(s => s.Ops));

    /// <summary>Workers loop until the deadline; only whole cycles count, and time runs until the last one ends.</summary>
    private static async Task<SliceResult> MeasureAsync(
        Func<int, CancellationToken, Task> cycle, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        long ops = 0;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await Task.Yield();
            while (clock.Elapsed < duration)
            {
                await cycle(worker, cancellationToken);
                Interlocked.Increment(ref ops);
            }
        });
        await Task.WhenAll(workers);
        return new SliceResult(ops, clock.Elapsed, Environment.CpuUsage.TotalTime - cpuBefore);
    }

    private readonly record struct SliceResult(long Ops, TimeSpan Elapsed, TimeSpan Cpu);
}
