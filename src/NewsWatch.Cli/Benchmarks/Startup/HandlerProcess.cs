using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

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
/// Starts a published handler exactly as the Functions host does (the executable host.json names, the app root as
/// working directory, FUNCTIONS_CUSTOMHANDLER_PORT and the worker id in the environment, app settings as
/// environment variables), waits for readiness the host's way (GET / until anything answers) and posts one
/// invocation. The process is killed afterwards: only the cold start is of interest.
/// </summary>
internal static class HandlerProcess
{
    /// <summary>The host pings every 25 ms; we poll more often so the harness adds less than the host would.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(30);

    public static async Task<ColdStart> MeasureAsync(
        string appRoot,
        IReadOnlyDictionary<string, string> appSettings,
        string functionName,
        string invocationJson,
        CancellationToken cancellationToken)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(Path.Combine(appRoot, "handler"))
        {
            WorkingDirectory = appRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Settings of the calling shell must not leak into the measured app (a stray NewsWatch__Feeds would
        // change what the first invocation does).
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("NewsWatch", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in appSettings)
        {
            info.Environment[key] = value;
        }

        info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        info.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString();
        info.Environment["FUNCTIONS_APP_ROOT_PATH"] = appRoot;

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(2) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(60),
        };

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        // The host reads the handler's stdout/stderr into its logs; draining them keeps the handler from blocking.
        process.OutputDataReceived += (_, e) => Capture(output, e.Data);
        process.ErrorDataReceived += (_, e) => Capture(output, e.Data);

        var clock = Stopwatch.StartNew();
        process.Start();
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await WaitUntilReadyAsync(http, process, output, cancellationToken);
            var ready = clock.Elapsed;

            using var content = new StringContent(invocationJson, Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, functionName) { Content = content };
            request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var answered = clock.Elapsed;

            // Read before the kill: VmHWM is the peak resident set of the process so far.
            var (peak, cpu) = ReadProcessStats(process.Id);
            return new ColdStart(ready, answered, (int)response.StatusCode, peak, cpu, body);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process process, StringBuilder output, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"handler exited with code {process.ExitCode} before it answered:\n{Tail(output)}");
            }

            try
            {
                // Any answer, even 404, means ready (that is all the host checks).
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
                return;
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException or IOException)
            {
                if (deadline.Elapsed > StartupLimit)
                {
                    throw new TimeoutException($"handler did not answer GET / within {StartupLimit.TotalSeconds:0} s:\n{Tail(output)}");
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        }
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Capture(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length > 32_768)
            {
                output.Remove(0, output.Length - 16_384);
            }

            output.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length > 4000 ? text[^4000..] : text;
        }
    }
}
