namespace NewsWatch.Benchmarks.Extraction;

/// <summary>Wall-clock and CPU time of one pass over the corpus.</summary>
public readonly record struct PassTiming(TimeSpan Wall, TimeSpan Cpu);

/// <summary>
/// One measured phase (a cold pass, or the warm passes) of one extractor. Throughput is taken from
/// the median pass, for every extractor alike: on a shared machine a pass that coincides with
/// someone else's build is an outlier, and the median shrugs it off where a sum would not. CPU time
/// is reported beside wall-clock time because it swings much less with other load.
/// </summary>
/// <param name="PeakMemoryBytes">Highest working set (or RSS) seen while the phase ran; 0 when unknown.</param>
public sealed record BenchmarkPhase(string Name, int Pages, long Bytes, IReadOnlyList<PassTiming> Passes, long PeakMemoryBytes)
{
    public TimeSpan MedianWall => Median(Passes.Select(p => p.Wall));

    public TimeSpan MedianCpu => Median(Passes.Select(p => p.Cpu));

    public double PagesPerSecond => Rate(Pages, MedianWall);

    public double MegabytesPerSecond => Rate(Bytes / 1e6, MedianWall);

    public double PagesPerCpuSecond => Rate(Pages, MedianCpu);

    private static double Rate(double amount, TimeSpan time) => time > TimeSpan.Zero ? amount / time.TotalSeconds : 0;

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? TimeSpan.Zero
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
