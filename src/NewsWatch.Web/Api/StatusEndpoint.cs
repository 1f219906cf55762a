using Microsoft.AspNetCore.Http;
using NewsWatch.Pipeline;

namespace NewsWatch.Web.Api;

/// <summary><c>GET /api/status</c>: feed health and article counts (from counters, not from article rows).</summary>
public sealed class StatusEndpoint(StatusReporter reporter)
{
    public Task<IResult> HandleAsync(CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(async () => ApiResults.Json(await reporter.BuildAsync(cancellationToken), ApiJson.Default.StatusReport));
}
