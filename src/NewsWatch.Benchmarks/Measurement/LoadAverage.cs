using System.Globalization;

namespace NewsWatch.Benchmarks.Measurement;

/// <summary>
/// The machine's 1-minute load average (Linux /proc/loadavg), printed with benchmark results: on a
/// shared machine it explains throughput better than anything else, so every run should state it.
/// </summary>
public static class LoadAverage
{
    /// <summary>The 1-minute load average, or null where the OS does not expose it.</summary>
    public static double? OneMinute()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            var first = text.AsSpan().Trim();
            var space = first.IndexOf(' ');
            return double.TryParse(space < 0 ? first : first[..space], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
