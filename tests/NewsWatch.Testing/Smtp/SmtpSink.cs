using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsWatch.LocalDev;

namespace NewsWatch.Testing.Smtp;

/// <summary>What kind of server a test needs.</summary>
public sealed record SmtpSinkOptions
{
    /// <summary>Offer STARTTLS with a fresh self-signed certificate (see <see cref="SmtpSink.Certificate"/>).</summary>
    public bool StartTls { get; init; }

    /// <summary>Require AUTH (PLAIN/LOGIN) with these credentials; null accepts mail without it.</summary>
    public string? UserName { get; init; }

    public string? Password { get; init; }
}

/// <summary>
/// A real SMTP server on 127.0.0.1 for tests: the npm package smtp-server (installed from the repo's
/// package-lock.json by scripts/setup.sh) run by node with <c>smtp-sink.mjs</c> beside this file. It records
/// every message it accepts with its envelope and raw bytes. It can be stopped and started again on the same
/// port (a mail server outage) and told to refuse the next messages with an SMTP error. Never outlives its owner.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly SmtpSinkOptions _options;
    private readonly string _workDir;
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private readonly ConcurrentQueue<JsonObject> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private Process? _process;
    private TaskCompletionSource<int>? _listening;
    private TaskCompletionSource? _ack;

    private SmtpSink(SmtpSinkOptions options)
    {
        _options = options;
        _workDir = Directory.CreateTempSubdirectory("newswatch-smtp-").FullName;
        Port = LoopbackPort.Free();
    }

    public static string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The server's certificate when <see cref="SmtpSinkOptions.StartTls"/> is on.</summary>
    public X509Certificate2? Certificate { get; private set; }

    public IReadOnlyList<ReceivedMail> Messages => [.. _messages];

    /// <summary>Everything the sink reported (auth attempts, refusals), for assertions beyond messages.</summary>
    public IReadOnlyList<JsonObject> Events => [.. _events];

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<SmtpSink> StartAsync(SmtpSinkOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sink = new SmtpSink(options ?? new SmtpSinkOptions());
        try
        {
            if (sink._options.StartTls)
            {
                sink.CreateCertificate();
            }

            await sink.StartAsync(cancellationToken);
            return sink;
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) on <see cref="Port"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        var script = Path.Combine(SourceDirectory(), "smtp-sink.mjs");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"the SMTP sink script is missing: {script}", script);
        }

        var config = new JsonObject
        {
            ["port"] = Port,
            ["user"] = _options.UserName,
            ["password"] = _options.Password,
            ["keyFile"] = Certificate is null ? null : Path.Combine(_workDir, "key.pem"),
            ["certFile"] = Certificate is null ? null : Path.Combine(_workDir, "cert.pem"),
        };
        var start = new ProcessStartInfo("node")
        {
            // node resolves "smtp-server" from the script's folder upwards: the repo's node_modules.
            WorkingDirectory = Path.GetDirectoryName(script)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(config.ToJsonString());

        _listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var stderr = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => _listening?.TrySetException(
            new InvalidOperationException("smtp sink exited: " + string.Join('\n', stderr)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var port = await _listening.Task.WaitAsync(StartupTimeout, cancellationToken);
        if (port != Port)
        {
            throw new InvalidOperationException($"smtp sink listens on {port}, expected {Port}");
        }
    }

    /// <summary>Stops the server; connections are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is null || process.HasExited)
        {
            return;
        }

        process.StandardInput.Close();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The next <paramref name="count"/> messages get SMTP error <paramref name="code"/> instead of being accepted.</summary>
    public async Task RefuseNextAsync(int count, int code = 451)
    {
        var process = _process ?? throw new InvalidOperationException("the sink is not running");
        _ack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { rejectNext = count, code }));
        await process.StandardInput.FlushAsync();
        await _ack.Task.WaitAsync(ReplyTimeout);
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived (SMTP acceptance is synchronous, so usually already true).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? ReplyTimeout);
        while (_messages.Count < count)
        {
            await _arrived.WaitAsync(cts.Token);
        }

        return Messages;
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line) || JsonNode.Parse(line) is not JsonObject obj)
        {
            return;
        }

        switch ((string?)obj["event"])
        {
            case "listening":
                _listening?.TrySetResult((int)obj["port"]!);
                break;
            case "ack":
                _ack?.TrySetResult();
                break;
            case "message":
                _messages.Enqueue(ReceivedMail.Parse(
                    Convert.FromBase64String((string)obj["raw"]!),
                    (string?)obj["mailFrom"],
                    obj["rcptTo"]!.AsArray().Select(n => (string)n!).ToList(),
                    (bool?)obj["secure"] ?? false,
                    (string?)obj["user"]));
                _arrived.Release();
                break;
            default:
                _events.Enqueue(obj);
                break;
        }
    }

    private void CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        using var cert = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        File.WriteAllText(Path.Combine(_workDir, "cert.pem"), cert.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_workDir, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        Certificate = X509CertificateLoader.LoadCertificate(cert.Export(X509ContentType.Cert));
    }

    /// <summary>
    /// This file's folder, where smtp-sink.mjs lives. Taken from the compiler rather than the test binaries,
    /// which may be built into an artifacts folder outside the tree (NW_ARTIFACTS).
    /// </summary>
    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        _process = null;
        Certificate?.Dispose();
        _arrived.Dispose();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
