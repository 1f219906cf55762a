namespace NewsWatch.Benchmarks.Measurement;

/// <summary>
/// Samples the process working set on a timer and keeps the maximum. The OS only exposes a
/// lifetime peak (<see cref="System.Diagnostics.Process.PeakWorkingSet64"/>), which cannot tell a
/// cold pass's peak from a warm one's; sampling every few milliseconds can.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public MemorySampler(TimeSpan interval)
    {
        _peak = Environment.WorkingSet;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, interval);
    }

    /// <summary>Highest working set seen so far, in bytes (sampled once more on read).</summary>
    public long Peak
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var current = Environment.WorkingSet;
        long seen;
        while (current > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, current, seen) != seen)
        {
        }
    }
}
