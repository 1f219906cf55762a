using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsWatch.WorkerHarness.Rpc;

namespace NewsWatch.WorkerHarness;

/// <summary>
/// Plays the Azure Functions host for one published isolated worker: a gRPC FunctionRpc server on a loopback h2c port,
/// the worker process started as the host starts it (worker.config.json, the host's command line and environment),
/// then the host's start-up conversation (StartStream, WorkerInitRequest, FunctionsMetadataRequest, one
/// FunctionLoadRequest per function) and invocations shaped like the host's. Dispose stops the worker.
/// </summary>
public sealed partial class FunctionsHostEmulator : IAsyncDisposable
{
    /// <summary>The host passes int.MaxValue; the worker sizes its channel from it.</summary>
    private const string GrpcMaxMessageLength = "2147483647";
    private const string HttpUriCapability = "HttpUri";
    private const string InvocationIdHeader = "x-ms-invocation-id";

    private readonly WorkerHarnessOptions _options;
    private readonly WebApplication _server;
    private readonly WorkerConnection _connection;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private WorkerProcess? _process;
    private long _processStartedTimestamp;
    private long? _firstInvocationTimestamp;
    private HttpClient? _http;
    private int _disposed;

    private FunctionsHostEmulator(WorkerHarnessOptions options, WebApplication server, WorkerConnection connection, ILogger logger)
    {
        _options = options;
        _server = server;
        _connection = connection;
        _logger = logger;
        _time = options.TimeProvider;
        _settings = options.AppSettings.ToDictionary(kv => SettingExpressions.NormalizeKey(kv.Key), kv => kv.Value, StringComparer.Ordinal);
    }

    public IReadOnlyList<WorkerFunction> Functions { get; private set; } = [];

    /// <summary>What the worker advertised in its WorkerInitResponse (HttpUri, RpcHttpBodyOnly, WorkerStatus, ...).</summary>
    public IReadOnlyDictionary<string, string> WorkerCapabilities { get; private set; } = new Dictionary<string, string>();

    public string WorkerVersion { get; private set; } = string.Empty;

    public StartupTimeline Timeline { get; private set; } = new();

    /// <summary>Every RpcLog so far, start-up included.</summary>
    public IReadOnlyCollection<WorkerLog> Logs => _connection.Logs;

    /// <summary>The gRPC port the worker was told to connect to.</summary>
    public int GrpcPort { get; private set; }

    public int WorkerProcessId => Process.Id;

    private WorkerProcess Process => _process ?? throw new InvalidOperationException("the worker has not been started");

    public static async Task<FunctionsHostEmulator> StartAsync(WorkerHarnessOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(Path.Combine(options.PublishDirectory, "worker.config.json")))
        {
            throw new WorkerHarnessException($"{options.PublishDirectory} has no worker.config.json; pass the folder `dotnet publish` wrote");
        }

        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FunctionsHostEmulator>();
        var connection = new WorkerConnection(options.TimeProvider, logger);
        var server = BuildServer(connection);
        var emulator = new FunctionsHostEmulator(options, server, connection, logger);
        try
        {
            await server.StartAsync(cancellationToken);
            await emulator.StartWorkerAsync(cancellationToken);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    public WorkerFunction GetFunction(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new WorkerHarnessException($"the worker reported no function '{name}' (it has: {string.Join(", ", Functions.Select(f => f.Name))})");

    /// <summary>VmHWM of the worker process: its peak resident memory so far.</summary>
    public long? WorkerPeakResidentBytes() => Process.PeakResidentBytes();

    /// <summary>A timer occurrence as the host delivers it: the TimerInfo JSON bound to the trigger parameter.</summary>
    public Task<InvocationResult> InvokeTimerAsync(string functionName, bool isPastDue = false, CancellationToken cancellationToken = default)
    {
        var function = GetFunction(functionName);
        var now = _time.GetUtcNow();
        // Newtonsoft's shape on the host side (TimerInfo with ScheduleStatus); the worker's TimerInfo reads the same names.
        var timerInfo = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = new JsonObject
            {
                ["Last"] = Iso(now.AddMinutes(-15)),
                ["Next"] = Iso(now.AddMinutes(15)),
                ["LastUpdated"] = Iso(now.AddMinutes(-15)),
            },
            ["IsPastDue"] = isPastDue,
        };

        var request = NewInvocation(function);
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = new TypedData { Json = timerInfo.ToJsonString() } });
        request.TriggerMetadata["sys"] = Sys(function, now);
        return InvokeAsync(function, request, cancellationToken);
    }

    /// <summary>
    /// A queue message as the host delivers it: the decoded message text as a string for the trigger parameter, plus the
    /// trigger metadata the queue extension binds (the host sends strings as TypedData.string and everything else,
    /// long and DateTimeOffset here, JSON-serialized as TypedData.json).
    /// </summary>
    public Task<InvocationResult> InvokeQueueAsync(string functionName, string messageText, long dequeueCount = 1, string? messageId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var function = GetFunction(functionName);
        var now = _time.GetUtcNow();
        var request = NewInvocation(function);
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = new TypedData { String = messageText } });
        var metadata = request.TriggerMetadata;
        metadata["QueueTrigger"] = new TypedData { String = messageText };
        metadata["DequeueCount"] = new TypedData { Json = dequeueCount.ToString(CultureInfo.InvariantCulture) };
        metadata["Id"] = new TypedData { String = messageId ?? Guid.NewGuid().ToString() };
        metadata["PopReceipt"] = new TypedData { String = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) };
        metadata["InsertionTime"] = new TypedData { Json = JsonString(now.AddSeconds(-1)) };
        metadata["ExpirationTime"] = new TypedData { Json = JsonString(now.AddDays(7)) };
        metadata["NextVisibleTime"] = new TypedData { Json = JsonString(now.AddMinutes(10)) };
        metadata["sys"] = Sys(function, now);
        return InvokeAsync(function, request, cancellationToken);
    }

    /// <summary>
    /// An HTTP request with ASP.NET Core integration (ConfigureFunctionsWebApplication): the worker advertises an
    /// HttpUri capability and serves the real request there, paired with the invocation by the x-ms-invocation-id
    /// header; the InvocationRequest carries only an outline of the request. The host forwards the request as it
    /// arrived (path with the /api prefix); the function key check is the host's, so none is sent here.
    /// </summary>
    public async Task<HttpInvocationResult> InvokeHttpAsync(string functionName, string pathAndQuery, CancellationToken cancellationToken = default)
    {
        var function = GetFunction(functionName);
        if (!WorkerCapabilities.TryGetValue(HttpUriCapability, out var advertised) || !Uri.TryCreate(advertised, UriKind.Absolute, out var httpUri))
        {
            throw new WorkerHarnessException("the worker advertised no HttpUri capability; it does not proxy HTTP (ConfigureFunctionsWebApplication missing?)");
        }

        // The worker listens on "localhost"; keep the traffic on the IPv4 loopback literal rather than a name lookup.
        var target = new UriBuilder(httpUri) { Host = IPAddress.Loopback.ToString() }.Uri;
        var request = NewInvocation(function);
        var url = new Uri(target, pathAndQuery);
        var http = new RpcHttp { Method = "GET", Url = url.AbsoluteUri };
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = new TypedData { Http = http } });
        request.TriggerMetadata["sys"] = Sys(function, _time.GetUtcNow());

        var client = HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.Add(InvocationIdHeader, request.InvocationId);
        var invocation = InvokeAsync(function, request, cancellationToken);
        using var response = await client.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new HttpInvocationResult(await invocation, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_process is { HasExited: false } process)
        {
            // The host asks first (WorkerTerminate), then kills; a short grace keeps dispose quick in tests.
            _connection.TrySend(new StreamingMessage { RequestId = NewId(), WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) } });
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3), _time);
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                LogKilled(_logger, process.Id);
            }
        }

        _process?.Dispose();
        _http?.Dispose();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time))
        {
            try
            {
                await _server.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Kestrel gave up waiting for the (killed) worker's connection to drain; it is closed regardless.
            }
        }

        await _server.DisposeAsync();
    }

    private static WebApplication BuildServer(WorkerConnection connection)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        // h2c: the worker's GrpcChannel uses plain HTTP/2 to the host, so this listener speaks HTTP/2 only, no TLS.
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(connection);
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcEndpoint>();
        return app;
    }

    private async Task StartWorkerAsync(CancellationToken cancellationToken)
    {
        var addresses = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        GrpcPort = new Uri(addresses.Single()).Port;
        var appDirectory = Path.GetFullPath(_options.PublishDirectory);
        var workerId = Guid.NewGuid().ToString();
        var (executable, workerPath) = ReadWorkerConfig(appDirectory);

        var info = new ProcessStartInfo(executable) { WorkingDirectory = appDirectory };
        info.ArgumentList.Add(workerPath);
        var requestId = Guid.NewGuid().ToString();
        // Both spellings, as the host passes them: worker 1.x read --host/--port/..., 2.x maps --functions-* to
        // Functions:Worker:HostEndpoint, WorkerId, RequestId and GrpcMaxMessageLength.
        string[] arguments =
        [
            "--host", "127.0.0.1", "--port", GrpcPort.ToString(CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", GrpcMaxMessageLength,
            "--functions-uri", $"http://127.0.0.1:{GrpcPort}/", "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", GrpcMaxMessageLength,
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The worker must see the settings given here and nothing the calling shell happens to export.
        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("NewsWatch", StringComparison.OrdinalIgnoreCase) || key.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase) || key.StartsWith("FUNCTIONS_", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(key);
            }
        }

        info.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        info.Environment["AzureWebJobsScriptRoot"] = appDirectory;
        info.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory;
        info.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory;
        foreach (var (key, value) in _options.AppSettings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in _options.Environment)
        {
            info.Environment[key] = value;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.StartupTimeout);
        _processStartedTimestamp = _time.GetTimestamp();
        var startedAt = _time.GetUtcNow();
        _process = WorkerProcess.Start(info);
        LogStarted(_logger, _process.Id, GrpcPort);

        var exited = _process.WaitForExitAsync(deadline.Token);
        try
        {
            var first = await Task.WhenAny(_connection.Started, exited);
            if (first != _connection.Started)
            {
                await exited;
                throw Failure($"the worker {Process.ExitDescription()} before opening the gRPC stream");
            }

            var (reportedId, streamAt) = await _connection.Started;
            if (!string.Equals(reportedId, workerId, StringComparison.OrdinalIgnoreCase))
            {
                throw Failure($"StartStream came from worker id '{reportedId}', not '{workerId}'");
            }

            var init = await RequestAsync(new StreamingMessage
            {
                WorkerInitRequest = new WorkerInitRequest { HostVersion = "4.1000.0 (NewsWatch.WorkerHarness)", WorkerDirectory = appDirectory, FunctionAppDirectory = appDirectory },
            }, _options.StartupTimeout, deadline.Token);
            var initAt = _time.GetTimestamp();
            Check(init.WorkerInitResponse?.Result, "WorkerInitResponse");
            WorkerCapabilities = new Dictionary<string, string>(init.WorkerInitResponse!.Capabilities, StringComparer.Ordinal);
            WorkerVersion = init.WorkerInitResponse.WorkerVersion;

            var metadata = await RequestAsync(new StreamingMessage
            {
                FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory },
            }, _options.StartupTimeout, deadline.Token);
            var metadataAt = _time.GetTimestamp();
            var response = metadata.FunctionMetadataResponse ?? throw Failure($"expected FunctionMetadataResponse, got {metadata.ContentCase}");
            Check(response.Result, "FunctionMetadataResponse");
            if (response.UseDefaultMetadataIndexing)
            {
                // The host would read functions.metadata itself then; a 2.x worker built by the SDK never asks for that.
                throw Failure("the worker asked for host indexing (use_default_metadata_indexing); the harness only does worker indexing");
            }

            var functions = new List<WorkerFunction>();
            foreach (var rpc in response.FunctionMetadataResults)
            {
                functions.Add(new WorkerFunction(rpc.Name, rpc.FunctionId, rpc.EntryPoint, rpc.ScriptFile,
                    rpc.RawBindings.Select(raw => WorkerBinding.Parse(raw, _settings)).ToList()));
                var load = await RequestAsync(new StreamingMessage
                {
                    FunctionLoadRequest = new FunctionLoadRequest { FunctionId = rpc.FunctionId, Metadata = rpc },
                }, _options.StartupTimeout, deadline.Token);
                Check(load.FunctionLoadResponse?.Result, $"FunctionLoadResponse for {rpc.Name}");
            }

            Functions = functions;
            var loadedAt = _time.GetTimestamp();
            Timeline = new StartupTimeline
            {
                ProcessStartedAt = startedAt,
                StartStreamReceived = Since(streamAt),
                InitAnswered = Since(initAt),
                MetadataAnswered = Since(metadataAt),
                FunctionsLoaded = Since(loadedAt),
            };
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure($"the worker did not finish starting within {_options.StartupTimeout.TotalSeconds:F0} s", ex);
        }
    }

    private async Task<InvocationResult> InvokeAsync(WorkerFunction function, InvocationRequest request, CancellationToken cancellationToken)
    {
        var sentAt = _time.GetTimestamp();
        StreamingMessage answer;
        try
        {
            answer = await RequestAsync(new StreamingMessage { InvocationRequest = request }, _options.InvocationTimeout, cancellationToken);
        }
        catch (WorkerHarnessException ex)
        {
            throw Failure($"invocation of {function.Name} failed: {ex.Message}", ex);
        }

        var answeredAt = _time.GetTimestamp();
        var response = answer.InvocationResponse ?? throw Failure($"expected InvocationResponse, got {answer.ContentCase}");
        lock (_gate)
        {
            if (_firstInvocationTimestamp is null)
            {
                _firstInvocationTimestamp = answeredAt;
                Timeline = Timeline with { FirstInvocationAnswered = Since(answeredAt) };
            }
        }

        return new InvocationResult
        {
            FunctionName = function.Name,
            InvocationId = request.InvocationId,
            Status = response.Result?.Status.ToString() ?? "Failure",
            ExceptionMessage = NullIfEmpty(response.Result?.Exception?.Message),
            ExceptionType = NullIfEmpty(response.Result?.Exception?.Type),
            ReturnValue = Describe(response.ReturnValue),
            Logs = _connection.Logs.Where(l => l.InvocationId == request.InvocationId).ToList(),
            Duration = _time.GetElapsedTime(sentAt, answeredAt),
            AnsweredAfterProcessStart = Since(answeredAt),
        };
    }

    private Task<StreamingMessage> RequestAsync(StreamingMessage message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        message.RequestId = NewId();
        return _connection.RequestAsync(message, timeout, cancellationToken);
    }

    private static InvocationRequest NewInvocation(WorkerFunction function)
    {
        var request = new InvocationRequest
        {
            InvocationId = NewId(),
            FunctionId = function.FunctionId,
            // The worker builds its FunctionContext.TraceContext from this and has no fallback when it is missing.
            TraceContext = new RpcTraceContext { TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01" },
        };
        request.TraceContext.Attributes["OperationName"] = function.Name;
        return request;
    }

    /// <summary>The host's "sys" binding data: method name, the invocation's UtcNow and a random GUID.</summary>
    private static TypedData Sys(WorkerFunction function, DateTimeOffset now) => new()
    {
        Json = new JsonObject { ["MethodName"] = function.Name, ["UtcNow"] = Iso(now), ["RandGuid"] = Guid.NewGuid().ToString() }.ToJsonString(),
    };

    private (string Executable, string WorkerPath) ReadWorkerConfig(string appDirectory)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, "worker.config.json")));
        var description = doc.RootElement.GetProperty("description");
        var executable = description.TryGetProperty("defaultExecutablePath", out var e) ? e.GetString() : null;
        var workerPath = description.TryGetProperty("defaultWorkerPath", out var w) ? w.GetString() : null;
        if (string.IsNullOrEmpty(executable) || string.IsNullOrEmpty(workerPath))
        {
            throw new WorkerHarnessException("worker.config.json has no description.defaultExecutablePath / defaultWorkerPath");
        }

        // A self-contained worker names its own executable under {WorkerRoot}, which the host expands to the app folder.
        executable = executable.Replace("{WorkerRoot}", appDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        // "dotnet" means the muxer on PATH to the host; prefer the one this process runs on so the SDK and runtime match.
        if (executable == "dotnet")
        {
            executable = _options.DotnetPath
                ?? System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH")
                ?? (Path.GetFileNameWithoutExtension(System.Environment.ProcessPath) == "dotnet" ? System.Environment.ProcessPath : null)
                ?? "dotnet";
        }

        return (executable, Path.Combine(appDirectory, workerPath));
    }

    private void Check(StatusResult? result, string what)
    {
        if (result is null)
        {
            throw Failure($"{what}: no answer of that kind");
        }

        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw Failure($"{what}: {result.Status} {result.Exception?.Type} {result.Exception?.Message}");
        }
    }

    private WorkerHarnessException Failure(string message, Exception? inner = null)
    {
        var full = _process is null ? message : $"{message} (worker {_process.ExitDescription()}){System.Environment.NewLine}{_process.Tails()}";
        return inner is null ? new WorkerHarnessException(full) : new WorkerHarnessException(full, inner);
    }

    private HttpClient HttpClient()
    {
        lock (_gate)
        {
            // No proxy: a proxy from the environment must never see loopback traffic.
            return _http ??= new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = _options.InvocationTimeout };
        }
    }

    private TimeSpan Since(long timestamp) => _time.GetElapsedTime(_processStartedTimestamp, timestamp);

    private static string? Describe(TypedData? data) => data?.DataCase switch
    {
        null or TypedData.DataOneofCase.None => null,
        TypedData.DataOneofCase.String => data.String,
        TypedData.DataOneofCase.Json => data.Json,
        TypedData.DataOneofCase.Int => data.Int.ToString(CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.Http => data.Http.StatusCode,
        _ => data.DataCase.ToString(),
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static string NewId() => Guid.NewGuid().ToString();

    private static string Iso(DateTimeOffset t) => t.ToString("o", CultureInfo.InvariantCulture);

    private static string JsonString(DateTimeOffset t) => JsonSerializer.Serialize(Iso(t), HarnessJson.Default.String);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Started worker process {ProcessId}, host gRPC on 127.0.0.1:{Port}")]
    private static partial void LogStarted(ILogger logger, int processId, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker process {ProcessId} ignored WorkerTerminate; killing it")]
    private static partial void LogKilled(ILogger logger, int processId);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class HarnessJson : System.Text.Json.Serialization.JsonSerializerContext;
