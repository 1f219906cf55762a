using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace NewsWatch.Infrastructure.LocalDev;

/// <summary>How to start a published custom handler.</summary>
public sealed class CustomHandlerLaunchOptions
{
    /// <summary>The function app root: the unzipped package, with host.json and the handler executable.</summary>
    public required string AppRoot { get; init; }

    /// <summary>host.json's defaultExecutablePath, relative to <see cref="AppRoot"/>.</summary>
    public string Executable { get; init; } = "handler";

    /// <summary>The app settings, given to the handler as environment variables (<c>__</c> for <c>:</c>).</summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Inherited environment variables starting with one of these are removed before the app settings are set:
    /// settings of the calling shell must not leak into the app (a stray NewsWatch__Feeds would change what it does).
    /// </summary>
    public IReadOnlyList<string> ClearedVariablePrefixes { get; init; } = ["NewsWatch", "AzureWebJobs"];

    /// <summary>How often GET / is tried until the handler answers; the host's own interval by default.</summary>
    public TimeSpan ReadinessPollInterval { get; init; } = TimeSpan.FromMilliseconds(25);

    public TimeSpan ReadinessLimit { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// A published custom handler started exactly as the Functions host starts it (shared/reference/functions-custom-handler.md
/// §1): the executable host.json names, the app root as working directory, a free loopback port in
/// FUNCTIONS_CUSTOMHANDLER_PORT with the worker id and app root beside it, app settings as environment variables;
/// ready once GET / gets any answer. The process tree is killed on dispose.
/// </summary>
public sealed class CustomHandlerLauncher : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputTail _output = new(32_768);
    private readonly Stopwatch _sinceStart = new();
    private bool _started;

    private CustomHandlerLauncher(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    /// <summary>Talks to the handler as the host does (base address http://127.0.0.1:port/).</summary>
    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    /// <summary>From <see cref="Process.Start()"/> to the first answer to GET /.</summary>
    public TimeSpan Ready { get; private set; }

    /// <summary>Time since <see cref="Process.Start()"/>, for timing what follows readiness.</summary>
    public TimeSpan SinceStart => _sinceStart.Elapsed;

    /// <summary>The latest stdout and stderr lines (the host reads them into its logs).</summary>
    public string Output => _output.ToString();

    /// <summary>Starts the handler and returns once it answers GET /.</summary>
    /// <exception cref="InvalidOperationException">The handler exited before it answered.</exception>
    /// <exception cref="TimeoutException">It did not answer within <see cref="CustomHandlerLaunchOptions.ReadinessLimit"/>.</exception>
    public static async Task<CustomHandlerLauncher> StartAsync(CustomHandlerLaunchOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var port = LoopbackPort.Free();
        var info = new ProcessStartInfo(Path.Combine(options.AppRoot, options.Executable))
        {
            WorkingDirectory = options.AppRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in info.Environment.Keys
                     .Where(k => options.ClearedVariablePrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in options.AppSettings)
        {
            info.Environment[key] = value;
        }

        info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        info.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString();
        info.Environment["FUNCTIONS_APP_ROOT_PATH"] = options.AppRoot;

        // Everything is set up before the clock starts, so that the time to readiness is the handler's alone.
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(2) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        var handler = new CustomHandlerLauncher(new Process { StartInfo = info }, client);
        // The host drains the handler's stdout/stderr into its logs; so must we, or the handler blocks on a full pipe.
        handler._process.OutputDataReceived += (_, e) => handler._output.Append(e.Data);
        handler._process.ErrorDataReceived += (_, e) => handler._output.Append(e.Data);
        try
        {
            handler._sinceStart.Start();
            handler._process.Start();
            handler._started = true;
            handler._process.BeginOutputReadLine();
            handler._process.BeginErrorReadLine();
            await handler.WaitUntilReadyAsync(options, cancellationToken).ConfigureAwait(false);
            handler.Ready = handler._sinceStart.Elapsed;
            return handler;
        }
        catch
        {
            await handler.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_started)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CustomHandlerLaunchOptions options, CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"handler exited with code {_process.ExitCode} before it answered:\n{_output.Last(4000)}");
            }

            try
            {
                // Any answer, even 404, means ready (that is all the host checks).
                using var response = await Client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException or IOException)
            {
                if (waiting.Elapsed > options.ReadinessLimit)
                {
                    throw new TimeoutException($"handler did not answer GET / within {options.ReadinessLimit.TotalSeconds:0} s:\n{_output.Last(4000)}");
                }

                await Task.Delay(options.ReadinessPollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
