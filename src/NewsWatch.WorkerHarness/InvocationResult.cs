namespace NewsWatch.WorkerHarness;

/// <summary>One log line the worker sent over the stream (RpcLog): the function's ILogger output and the worker's own.</summary>
public sealed record WorkerLog(string? InvocationId, string Category, string Level, string Message, string? ExceptionMessage, bool IsSystem);

/// <summary>The worker's answer to one invocation.</summary>
public sealed record InvocationResult
{
    public required string FunctionName { get; init; }

    public required string InvocationId { get; init; }

    /// <summary>StatusResult.status: "Success", "Failure" or "Cancelled".</summary>
    public required string Status { get; init; }

    public bool Succeeded => Status == "Success";

    public string? ExceptionMessage { get; init; }

    public string? ExceptionType { get; init; }

    /// <summary>The return value as the worker typed it (for HTTP: the status code), if any.</summary>
    public string? ReturnValue { get; init; }

    /// <summary>The RpcLogs tagged with this invocation, in the order they arrived.</summary>
    public required IReadOnlyList<WorkerLog> Logs { get; init; }

    /// <summary>From sending the request to receiving the response.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>From starting the worker process to receiving this response.</summary>
    public TimeSpan AnsweredAfterProcessStart { get; init; }
}

/// <summary>An HTTP invocation: the worker's invocation result plus the HTTP answer it wrote on its own port.</summary>
public sealed record HttpInvocationResult(InvocationResult Invocation, int StatusCode, string? ContentType, string Body);

/// <summary>
/// Start-up phases, each measured from the moment the worker process was started (what a cold start costs the host
/// before it can deliver the first trigger).
/// </summary>
public sealed record StartupTimeline
{
    public DateTimeOffset ProcessStartedAt { get; init; }

    /// <summary>The worker opened the gRPC stream and sent StartStream.</summary>
    public TimeSpan StartStreamReceived { get; init; }

    /// <summary>WorkerInitResponse received: the host considers the worker ready from here.</summary>
    public TimeSpan InitAnswered { get; init; }

    public TimeSpan MetadataAnswered { get; init; }

    /// <summary>Every FunctionLoadResponse received.</summary>
    public TimeSpan FunctionsLoaded { get; init; }

    /// <summary>The first InvocationResponse of any function; null until one arrived.</summary>
    public TimeSpan? FirstInvocationAnswered { get; init; }
}
