using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Pipeline;

namespace NewsWatch.Functions;

/// <summary>HTTP trigger <c>GET /api/status</c> (function key): feed health and article counts.</summary>
public sealed class Status(StatusReporter reporter)
{
    [Function(nameof(Status))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "status")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = await reporter.BuildAsync(cancellationToken);
        return new ContentResult
        {
            Content = JsonSerializer.Serialize(report, StatusJson.Default.StatusReport),
            ContentType = "application/json; charset=utf-8",
            StatusCode = StatusCodes.Status200OK,
        };
    }
}

/// <summary>camelCase, ISO-8601 dates: the style of every JSON answer of the app.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StatusReport))]
internal sealed partial class StatusJson : JsonSerializerContext;
