using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Web.Api;

namespace NewsWatch.Functions;

/// <summary>HTTP trigger <c>GET /api/articles</c> (function key): articles newest first, filtered and paged.</summary>
public sealed class Articles(ArticlesEndpoint endpoint)
{
    [Function(nameof(Articles))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultAction(await endpoint.HandleAsync(request, cancellationToken));
}
