using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Web.Api;

namespace NewsWatch.Functions;

/// <summary>HTTP trigger <c>GET /api/stories</c> (function key): stories seen since a time, with their sources.</summary>
public sealed class Stories(StoriesEndpoint endpoint)
{
    [Function(nameof(Stories))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "stories")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultAction(await endpoint.HandleAsync(request, cancellationToken));
}
