using System.Globalization;
using System.Text.Json;

namespace NewsWatch.Cli.Benchmarks.Startup;

/// <summary>Prints a <see cref="StartupReport"/> as a table with the ratios and the verdict on the issue's targets, or as JSON.</summary>
internal static class StartupReportWriter
{
    public static async Task WriteTextAsync(StartupReport report, TextWriter output)
    {
        var baseline = report.Find(BuildFlavor.Baseline);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Cold start of the custom handler: process start -> first invocation answered (median of {report.Runs} runs each; load average before {report.LoadBefore}, after {report.LoadAfter})"));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| build | package | ready (GET /) | first timer answer | first queue answer | CPU timer / queue | peak memory | speed-up vs framework-dependent |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in report.Results)
        {
            if (!r.Measured)
            {
                await output.WriteLineAsync($"| {r.Flavor.Name} | - | not measured: {r.Unavailable} | | | | | |");
                continue;
            }

            var speedup = baseline is null ? "-" : string.Create(CultureInfo.InvariantCulture,
                $"{Ratio(baseline.MedianFirstAnswer(FirstInvocation.Timer), r.MedianFirstAnswer(FirstInvocation.Timer)):0.0}x timer, {Ratio(baseline.MedianFirstAnswer(FirstInvocation.Queue), r.MedianFirstAnswer(FirstInvocation.Queue)):0.0}x queue");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Flavor.Name} ({r.Flavor.Description}) | {r.PackageBytes / 1048576.0:0.0} MB | {Ms(r.MedianReady)} | {Ms(r.MedianFirstAnswer(FirstInvocation.Timer))} (min {Ms(Min(r, FirstInvocation.Timer))}) | {Ms(r.MedianFirstAnswer(FirstInvocation.Queue))} (min {Ms(Min(r, FirstInvocation.Queue))}) | {Ms(r.MedianCpu(FirstInvocation.Timer))} / {Ms(r.MedianCpu(FirstInvocation.Queue))} | {r.MedianPeakBytes / 1048576.0:0} MB | {speedup} |"));
        }

        await output.WriteLineAsync();
        var shipped = report.Find(BuildFlavor.Shipped);
        if (shipped is null)
        {
            await output.WriteLineAsync($"targets: not checked, the shipped build ({BuildFlavor.Shipped.Name}) was not measured");
            return;
        }

        var worst = shipped.WorstMedianFirstAnswer;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"target 1: {BuildFlavor.Shipped.Name} answers its first invocation in < {Ms(StartupBenchmark.TargetFirstAnswer)}: {(worst < StartupBenchmark.TargetFirstAnswer ? "MET" : "MISSED")} (slower median of timer/queue: {Ms(worst)})"));
        if (baseline is not null)
        {
            var ratio = Ratio(baseline.WorstMedianFirstAnswer, worst);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"target 2: at least {StartupBenchmark.TargetSpeedup:0}x faster than {BuildFlavor.Baseline.Name}: {(ratio >= StartupBenchmark.TargetSpeedup ? "MET" : "MISSED")} ({ratio:0.00}x, {Ms(baseline.WorstMedianFirstAnswer)} -> {Ms(worst)})"));
        }
    }

    public static async Task WriteJsonAsync(StartupReport report, Stream stream)
    {
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("at", report.At);
        json.WriteNumber("runs", report.Runs);
        json.WriteString("loadBefore", report.LoadBefore);
        json.WriteString("loadAfter", report.LoadAfter);
        json.WriteStartArray("builds");
        foreach (var r in report.Results)
        {
            json.WriteStartObject();
            json.WriteString("flavor", r.Flavor.Name);
            json.WriteString("description", r.Flavor.Description);
            if (!r.Measured)
            {
                json.WriteString("unavailable", r.Unavailable);
                json.WriteEndObject();
                continue;
            }

            json.WriteNumber("packageBytes", r.PackageBytes);
            json.WriteNumber("medianReadyMs", r.MedianReady.TotalMilliseconds);
            json.WriteNumber("medianPeakBytes", r.MedianPeakBytes);
            foreach (var (kind, runs) in r.Runs)
            {
                json.WriteStartObject(kind.ToString().ToLowerInvariant());
                json.WriteNumber("medianFirstAnswerMs", r.MedianFirstAnswer(kind).TotalMilliseconds);
                json.WriteNumber("medianCpuMs", r.MedianCpu(kind).TotalMilliseconds);
                json.WriteStartArray("runs");
                foreach (var run in runs)
                {
                    json.WriteStartObject();
                    json.WriteNumber("readyMs", run.Ready.TotalMilliseconds);
                    json.WriteNumber("firstAnswerMs", run.FirstAnswer.TotalMilliseconds);
                    json.WriteNumber("cpuMs", run.CpuTime.TotalMilliseconds);
                    json.WriteNumber("peakBytes", run.PeakWorkingSetBytes);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static TimeSpan Min(FlavorResult r, FirstInvocation kind) => r.Runs[kind].Min(x => x.FirstAnswer);

    private static double Ratio(TimeSpan slow, TimeSpan fast) => fast > TimeSpan.Zero ? slow / fast : 0;

    private static string Ms(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0} ms");
}
