using System.Text.Json.Serialization;

namespace NewsWatch.Functions.Invocations;

/// <summary>
/// What the handler answers: output binding values by binding name, log lines the host writes into the
/// invocation's log scope, and the return value. Only read by the host on a 2xx status.
/// </summary>
internal sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, HttpOutput> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] string? ReturnValue)
{
    public static InvocationResponse WithLogs(params string[] logs) => new([], logs, null);
}

/// <summary>The value of an <c>http</c> output binding.</summary>
internal sealed record HttpOutput(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("headers")] Dictionary<string, string> Headers,
    [property: JsonPropertyName("body")] string Body);
