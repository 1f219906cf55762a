using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Web.Api;

namespace NewsWatch.Functions;

/// <summary>HTTP trigger <c>GET /api/stories/{id}</c> (function key): one story across outlets and languages.</summary>
public sealed class Story(StoryEndpoint endpoint)
{
    [Function(nameof(Story))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "stories/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultAction(await endpoint.HandleAsync(id, cancellationToken));
    }
}
