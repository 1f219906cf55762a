using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsWatch.Infrastructure.LocalDev;

namespace NewsWatch.Cli.Benchmarks.Startup;

/// <summary>What one cold start of the handler cost, measured from <see cref="Process.Start()"/>.</summary>
internal sealed record ColdStart(
    TimeSpan Ready,
    TimeSpan FirstAnswer,
    int StatusCode,
    long PeakWorkingSetBytes,
    TimeSpan CpuTime,
    string Body);

/// <summary>
/// One cold start of a published handler: started as the Functions host starts it (<see cref="CustomHandlerLauncher"/>),
/// one invocation posted once it is ready, then killed: only the cold start is of interest.
/// </summary>
internal static class HandlerProcess
{
    /// <summary>The host pings every 25 ms; we poll more often so the harness adds less than the host would.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    public static async Task<ColdStart> MeasureAsync(
        string appRoot,
        IReadOnlyDictionary<string, string> appSettings,
        string functionName,
        string invocationJson,
        CancellationToken cancellationToken)
    {
        var launch = new CustomHandlerLaunchOptions
        {
            AppRoot = appRoot,
            AppSettings = appSettings,
            // DOTNET_* too: a runtime setting in the calling shell (tiered compilation, GC mode) would change what is measured.
            ClearedVariablePrefixes = ["NewsWatch", "AzureWebJobs", "DOTNET_"],
            ReadinessPollInterval = PollInterval,
        };
        await using var handler = await CustomHandlerLauncher.StartAsync(launch, cancellationToken);

        using var content = new StringContent(invocationJson, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, functionName) { Content = content };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        using var response = await handler.Client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var answered = handler.SinceStart;

        // Read before the kill: VmHWM is the peak resident set of the process so far.
        var (peak, cpu) = ReadProcessStats(handler.ProcessId);
        return new ColdStart(handler.Ready, answered, (int)response.StatusCode, peak, cpu, body);
    }

    /// <summary>Peak resident memory (VmHWM) and CPU time (user + system) from /proc; zero where /proc is absent.</summary>
    private static (long PeakBytes, TimeSpan Cpu) ReadProcessStats(int pid)
    {
        long peak = 0;
        var cpu = TimeSpan.Zero;
        var status = $"/proc/{pid}/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        var stat = $"/proc/{pid}/stat";
        if (File.Exists(stat))
        {
            // Fields after the parenthesised command name; utime and stime are the 12th and 13th of those, in clock ticks
            // (100 per second on Linux).
            var text = File.ReadAllText(stat);
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            cpu = TimeSpan.FromMilliseconds(ticks * 10);
        }

        return (peak, cpu);
    }
}
