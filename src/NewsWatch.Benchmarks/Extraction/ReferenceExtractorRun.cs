using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace NewsWatch.Benchmarks.Extraction;

/// <summary>What a reference extractor's benchmark script reported (see bench/extraction/): its first pass and its warm passes.</summary>
public sealed record ReferenceResult(string Extractor, BenchmarkPhase Cold, BenchmarkPhase Warm);

/// <summary>
/// Runs one reference-extractor benchmark script as a child process (node for Readability.js,
/// the system python for readability-lxml) over the same corpus directory, and reads the single
/// JSON object it prints.
/// </summary>
public static class ReferenceExtractorRun
{
    /// <exception cref="InvalidOperationException">The script could not be started, failed, timed out or printed no result.</exception>
    public static async Task<ReferenceResult> RunAsync(
        string executable, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"cannot start {executable}: {ex.Message}", ex);
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw cancellationToken.IsCancellationRequested
                ? new OperationCanceledException(cancellationToken)
                : new InvalidOperationException($"{executable} did not finish within {timeout.TotalSeconds:F0} s");
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} exited with {process.ExitCode}: {Tail(await stderr)}");
        }

        return Parse(output) ?? throw new InvalidOperationException($"{executable} printed no result: {Tail(output)}");
    }

    /// <summary>Reads the last JSON line of the script's output.</summary>
    public static ReferenceResult? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        if (line is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var name = root.TryGetProperty("extractor", out var e) ? e.GetString() ?? "?" : "?";
        var pages = root.TryGetProperty("pages", out var p) ? p.GetInt32() : 0;
        var bytes = root.TryGetProperty("bytes", out var b) ? b.GetInt64() : 0;
        var peak = root.TryGetProperty("peakRssBytes", out var r) ? r.GetInt64() : 0;
        var cold = root.TryGetProperty("cold", out var c) ? [Pass(c)] : Array.Empty<PassTiming>();
        var warm = root.TryGetProperty("warm", out var w) && w.ValueKind == JsonValueKind.Array
            ? w.EnumerateArray().Select(Pass).ToArray()
            : [];
        return new ReferenceResult(
            name,
            new BenchmarkPhase(name + ", cold", pages, bytes, cold, 0),
            new BenchmarkPhase(name + ", warm", pages, bytes, warm, peak));
    }

    private static PassTiming Pass(JsonElement pass)
    {
        static TimeSpan Seconds(JsonElement element, string name) =>
            element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? TimeSpan.FromSeconds(v.GetDouble()) : TimeSpan.Zero;

        return new PassTiming(Seconds(pass, "seconds"), Seconds(pass, "cpuSeconds"));
    }

    private static string Tail(string text) =>
        text.Length <= 400 ? text.Trim() : string.Create(CultureInfo.InvariantCulture, $"…{text[^400..].Trim()}");
}
