using System.Diagnostics;

using NewsWatch.Assessment;

namespace NewsWatch.Evaluation.Relevance;

/// <summary>Items per second of some work over a set of items, measured after one warm-up pass.</summary>
/// <param name="Items">Items per pass.</param>
/// <param name="Passes">Measured passes.</param>
/// <param name="Elapsed">Wall-clock time of the measured passes.</param>
/// <param name="CpuTime">Processor time the process used meanwhile: on a shared, loaded machine the
/// steadier figure (it also counts GC and JIT threads, so it errs on the slow side).</param>
public sealed record Throughput(int Items, int Passes, TimeSpan Elapsed, TimeSpan CpuTime)
{
    public double ItemsPerSecond => Elapsed > TimeSpan.Zero ? Items * Passes / Elapsed.TotalSeconds : 0;

    public double ItemsPerCpuSecond => CpuTime > TimeSpan.Zero ? Items * Passes / CpuTime.TotalSeconds : 0;

    public double CpuMillisecondsPerItem => Items * Passes == 0 ? 0 : CpuTime.TotalMilliseconds / (Items * Passes);

    /// <summary>Untimed passes first: .NET compiles hot methods again, optimised, only after some calls.</summary>
    private const int WarmUpPasses = 2;

    /// <summary>
    /// Runs <paramref name="work"/> on every index <see cref="WarmUpPasses"/> times to warm up (JIT
    /// tiers, caches), then <paramref name="passes"/> more times, timed. Single-threaded: the figures
    /// are per core.
    /// </summary>
    public static Throughput Measure(int items, int passes, Action<int> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var pass = 0; pass < WarmUpPasses; pass++)
        {
            for (var i = 0; i < items; i++)
            {
                work(i);
            }
        }

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        for (var pass = 0; pass < passes; pass++)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < items; i++)
            {
                work(i);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        process.Refresh();
        return new Throughput(items, passes, elapsed, process.TotalProcessorTime - cpuBefore);
    }
}
