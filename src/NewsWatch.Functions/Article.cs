using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Web.Api;

namespace NewsWatch.Functions;

/// <summary>HTTP trigger <c>GET /api/articles/{key}</c> (function key): one article with text, assessment and story.</summary>
public sealed class Article(ArticleEndpoint endpoint)
{
    [Function(nameof(Article))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{key}")] HttpRequest request, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultAction(await endpoint.HandleAsync(key, cancellationToken));
    }
}
