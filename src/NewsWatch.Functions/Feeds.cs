using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Web.Api;

namespace NewsWatch.Functions;

/// <summary>HTTP trigger <c>GET /api/feeds</c> (function key): feed health, last poll, backoff, last error.</summary>
public sealed class Feeds(FeedsEndpoint endpoint)
{
    [Function(nameof(Feeds))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "feeds")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultAction(await endpoint.HandleAsync(cancellationToken));
    }
}
