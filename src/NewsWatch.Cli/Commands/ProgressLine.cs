using System.Diagnostics;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// Progress of a long command on standard error (standard output stays the result, for scripts): at most one line
/// every <see cref="Interval"/>, plus the last one, so a terminal and a CI log both show the command is moving
/// without drowning the result.
/// </summary>
internal sealed class ProgressLine(TextWriter error, string command)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan _lastShown = TimeSpan.MinValue;

    public void Report(int done, int total, string unit) =>
        Show($"{done}/{total} {unit}", final: done >= total);

    public void Report(string status) => Show(status, final: false);

    private void Show(string status, bool final)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (!final && _lastShown != TimeSpan.MinValue && now - _lastShown < Interval)
            {
                return;
            }

            _lastShown = now;
            error.WriteLine(FormattableString.Invariant($"{command}: {status} ({now.TotalSeconds:F0} s)"));
        }
    }
}
