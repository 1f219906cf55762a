using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Web.Api;

namespace NewsWatch.Functions;

/// <summary>HTTP trigger <c>GET /api/status</c> (function key): feed health and article counts.</summary>
public sealed class Status(StatusEndpoint endpoint)
{
    [Function(nameof(Status))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "status")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultAction(await endpoint.HandleAsync(cancellationToken));
    }
}
