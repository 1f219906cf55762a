using System.Diagnostics;

namespace NewsWatch.Integration.Tests.Faults;

/// <summary>
/// `newswatch run` as its own process, restarted whenever it dies, the way the Functions host restarts a worker:
/// the fault drill kills it with SIGKILL mid-message and expects the next instance to finish the work.
/// </summary>
internal sealed class SupervisedWorker : IAsyncDisposable
{
    private readonly string _configFile;
    private readonly string _logFile;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Process? _current;
    private Task? _supervising;

    public SupervisedWorker(string configFile, string logFile)
    {
        _configFile = configFile;
        _logFile = logFile;
    }

    public int Starts { get; private set; }

    public int Kills { get; private set; }

    public void Start() => _supervising = Task.Run(SuperviseAsync);

    /// <summary>SIGKILL, no shutdown: whatever the worker holds (leased messages, a half-written row) is left as is.</summary>
    public void Kill()
    {
        lock (_gate)
        {
            if (_current is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
                Kills++;
            }
        }
    }

    public string LogTail(int lines = 40)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException ex)
        {
            return ex.Message;
        }
    }

    private async Task SuperviseAsync()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "newswatch.dll");
        while (!_stop.IsCancellationRequested)
        {
            var info = new ProcessStartInfo("dotnet", [cli, "run", "--config", _configFile])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(_configFile)!,
            };
            using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start newswatch run");
            lock (_gate)
            {
                _current = process;
                Starts++;
            }

            await using (var log = new StreamWriter(new FileStream(_logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true })
            {
                await log.WriteLineAsync($"--- worker start #{Starts} (pid {process.Id})");
                var copyOut = CopyAsync(process.StandardOutput, log);
                var copyErr = CopyAsync(process.StandardError, log);
                try
                {
                    await process.WaitForExitAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }

                await Task.WhenAll(copyOut, copyErr);
                await log.WriteLineAsync($"--- worker exit {process.ExitCode}");
            }

            if (!_stop.IsCancellationRequested)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task CopyAsync(StreamReader from, StreamWriter to)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            lock (to)
            {
                to.WriteLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_supervising is not null)
        {
            await _supervising;
        }

        _stop.Dispose();
    }
}
