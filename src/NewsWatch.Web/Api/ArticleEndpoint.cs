using Microsoft.AspNetCore.Http;
using NewsWatch.Reading;

namespace NewsWatch.Web.Api;

/// <summary><c>GET /api/articles/{key}</c>: text, extraction metadata, assessment with reasons, and the story.</summary>
public sealed class ArticleEndpoint(ArticleReader reader)
{
    public Task<IResult> HandleAsync(string key, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(async () =>
            await reader.GetAsync(key, cancellationToken) is { } detail
                ? ApiResults.Json(detail, ApiJson.Default.ArticleDetail)
                : ApiResults.NotFound("no article with that key"));
}
