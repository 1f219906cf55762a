using NewsWatch.Cli.Commands;

namespace NewsWatch.Integration.Tests.Cli;

public sealed class ProgressLineTests
{
    [Fact]
    public void Progress_goes_to_the_error_writer_throttled_with_the_last_line_always_shown()
    {
        using var error = new StringWriter();
        var progress = new ProgressLine(error, "eval extraction");

        for (var done = 1; done <= 500; done++)
        {
            progress.Report(done, 500, "pages");
        }

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 2, 4); // the first, maybe one per interval, and the last: not 500
        Assert.StartsWith("eval extraction: 1/500 pages", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("eval extraction: 500/500 pages", lines[^1], StringComparison.Ordinal);
    }
}
