using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace NewsWatch.LocalDev;

/// <summary>How to run Azurite. Ports left at 0 are picked free on loopback.</summary>
public sealed class AzuriteLaunchOptions
{
    /// <summary>Where node_modules/.bin/azurite lives; default: found from the binaries or the working directory.</summary>
    public string? RepositoryRoot { get; init; }

    public int BlobPort { get; init; }

    public int QueuePort { get; init; }

    public int TablePort { get; init; }

    /// <summary>A folder to persist data in; null keeps everything in memory (tests, benchmarks).</summary>
    public string? Location { get; init; }
}

/// <summary>
/// Runs the repo's Azurite (node_modules/.bin/azurite) in memory on free loopback ports, for tests and local
/// benchmarks. Can be stopped and started again on the same ports (to simulate an outage), and never outlives
/// its owner: disposal, and process exit, terminate it.
/// </summary>
public sealed class AzuriteLauncher : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(3);

    private readonly string _executable;
    private readonly string _workingDirectory;
    private readonly string? _location;
    private readonly OutputTail _output = new(16_384);
    private readonly Lock _gate = new();
    private Process? _process;

    private AzuriteLauncher(AzuriteLaunchOptions options)
    {
        var root = options.RepositoryRoot ?? FindRepositoryRoot();
        var bin = Path.Combine(root, "node_modules", ".bin");
        _executable = Path.Combine(bin, OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(_executable))
        {
            throw new FileNotFoundException($"Azurite is not installed at {_executable}; run 'npm ci' in {root}.", _executable);
        }

        _location = options.Location;

        // In-memory persistence writes no data, but Azurite may still drop a debug/log file in its cwd.
        _workingDirectory = _location ?? Directory.CreateTempSubdirectory("newswatch-azurite-").FullName;
        BlobPort = options.BlobPort == 0 ? LoopbackPort.Free() : options.BlobPort;
        QueuePort = options.QueuePort == 0 ? LoopbackPort.Free() : options.QueuePort;
        TablePort = options.TablePort == 0 ? LoopbackPort.Free() : options.TablePort;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false };
            }
        }
    }

    /// <summary>Azurite's built-in account; the key is public, documented with the emulator, and works nowhere else.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>True for the emulator shorthand, <c>UseDevelopmentStorage=true</c>, which means Azurite on its default ports.</summary>
    public static bool IsDevelopmentStorage(string? connectionString) =>
        connectionString is not null
        && connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(part => string.Equals(part, "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase));

    /// <summary>The emulator account with explicit endpoints on this instance's ports.</summary>
    public string ConnectionString => string.Create(
        CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};" +
        $"AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevelopmentAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevelopmentAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{DevelopmentAccountName};");

    /// <summary>Starts an Azurite and returns once its three ports accept connections.</summary>
    public static async Task<AzuriteLauncher> StartAsync(AzuriteLaunchOptions? options = null, CancellationToken cancellationToken = default)
    {
        var launcher = new AzuriteLauncher(options ?? new AzuriteLaunchOptions());
        try
        {
            await launcher.ResumeAsync(cancellationToken).ConfigureAwait(false);
            return launcher;
        }
        catch
        {
            await launcher.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The folder holding the repo's package.json and node_modules: searched above each hint, then above the running
    /// binaries, then above the working directory (builds with NW_ARTIFACTS put the binaries outside the tree).
    /// </summary>
    public static string FindRepositoryRoot(params string[] hints)
    {
        ArgumentNullException.ThrowIfNull(hints);
        var starts = hints.Append(AppContext.BaseDirectory).Append(Environment.CurrentDirectory).ToList();
        foreach (var start in starts.Where(Directory.Exists))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json"))
                    && Directory.Exists(Path.Combine(dir.FullName, "node_modules")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder with package.json and node_modules above any of: {string.Join(", ", starts)}. Run 'npm ci' in the repository.");
    }

    /// <summary>Starts Azurite again after <see cref="StopAsync"/>, on the same ports, and waits until all three accept.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        Process process;
        lock (_gate)
        {
            if (_process is { HasExited: false })
            {
                return;
            }

            _process?.Dispose();
            _output.Clear();
            process = new Process { StartInfo = CreateStartInfo(), EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => _output.Append(e.Data);
            process.ErrorDataReceived += (_, e) => _output.Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartupTimeout);
        try
        {
            foreach (var port in new[] { BlobPort, QueuePort, TablePort })
            {
                await WaitForPortAsync(process, port, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw new TimeoutException($"Azurite did not open its ports within {StartupTimeout.TotalSeconds:0} s. Output:\n{_output}");
        }
    }

    /// <summary>SIGTERM, then after a grace period SIGKILL of the whole process tree.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
        }

        if (process is null || process.HasExited)
        {
            return;
        }

        RequestTermination(process);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(GracefulStopTimeout);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_gate)
        {
            _process?.Dispose();
            _process = null;
        }

        if (_location is null)
        {
            try
            {
                Directory.Delete(_workingDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static async Task WaitForPortAsync(Process process, int port, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before port {port} opened.");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void RequestTermination(Process process)
    {
        if (OperatingSystem.IsWindows() || NativeMethods.Kill(process.Id, NativeMethods.SigTerm) != 0)
        {
            Kill(process);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private ProcessStartInfo CreateStartInfo()
    {
        var info = new ProcessStartInfo(_executable)
        {
            WorkingDirectory = _workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        if (_location is null)
        {
            info.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            info.ArgumentList.Add("--location");
            info.ArgumentList.Add(_location);
        }

        foreach (var arg in new[]
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
        }

        if (process is { HasExited: false })
        {
            Kill(process);
        }
    }

    private static class NativeMethods
    {
        public const int SigTerm = 15;

        public static int Kill(int pid, int signal) => OperatingSystem.IsWindows() ? -1 : SysKill(pid, signal);

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int SysKill(int pid, int sig);
    }
}
