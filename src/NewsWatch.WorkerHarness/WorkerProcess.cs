using System.Diagnostics;
using System.Globalization;

namespace NewsWatch.WorkerHarness;

/// <summary>The worker process with the last lines of its stdout and stderr (the host shows those when a worker dies).</summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int TailLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _stdout = new();
    private readonly Queue<string> _stderr = new();
    private readonly Lock _gate = new();

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(ProcessStartInfo info)
    {
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = false;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Keep(worker._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => worker.Keep(worker._stderr, e.Data);
        if (!process.Start())
        {
            throw new WorkerHarnessException($"could not start {info.FileName}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public string ExitDescription() => _process.HasExited ? $"exited with code {_process.ExitCode}" : "still running";

    /// <summary>VmHWM from /proc/PID/status: the peak resident set of the worker so far (Linux only).</summary>
    public long? PeakResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Gone already, or not Linux: there is no figure to report.
        }

        return null;
    }

    public string Tails()
    {
        lock (_gate)
        {
            return $"--- worker stdout (last {_stdout.Count} lines) ---{Environment.NewLine}{string.Join(Environment.NewLine, _stdout)}{Environment.NewLine}" +
                   $"--- worker stderr (last {_stderr.Count} lines) ---{Environment.NewLine}{string.Join(Environment.NewLine, _stderr)}";
        }
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(Queue<string> tail, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            tail.Enqueue(line);
            while (tail.Count > TailLines)
            {
                tail.Dequeue();
            }
        }
    }
}
