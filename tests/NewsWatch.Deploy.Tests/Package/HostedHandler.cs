using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsWatch.Deploy.Tests.Package;

/// <summary>
/// The packaged handler started the way the Functions host starts it (shared/reference/functions-custom-handler.md
/// §1): host.json's defaultExecutablePath resolved against the app root, the app root as working directory, a
/// random loopback port in FUNCTIONS_CUSTOMHANDLER_PORT, app settings as environment variables, readiness when
/// GET / gets any answer. Killed on dispose.
/// </summary>
internal sealed class HostedHandler : IAsyncDisposable
{
    private static readonly TimeSpan ReadinessLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostedHandler(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<HostedHandler> StartAsync(string appRoot, string executable, IReadOnlyDictionary<string, string> appSettings)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(Path.Combine(appRoot, executable))
        {
            WorkingDirectory = appRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("NewsWatch", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase)).ToList())
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

        var process = new Process { StartInfo = info };
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        var handler = new HostedHandler(process, client);
        process.OutputDataReceived += (_, e) => handler.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => handler.Capture(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await handler.WaitUntilReadyAsync();
            return handler;
        }
        catch
        {
            await handler.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the handler exited ({_process.ExitCode}) before answering GET /:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/", UriKind.Relative));
                return;
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException or IOException)
            {
                if (clock.Elapsed > ReadinessLimit)
                {
                    throw new TimeoutException($"the handler did not answer GET / within {ReadinessLimit.TotalSeconds:0} s:\n{Output}");
                }

                // The host's own interval.
                await Task.Delay(TimeSpan.FromMilliseconds(25));
            }
        }
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
