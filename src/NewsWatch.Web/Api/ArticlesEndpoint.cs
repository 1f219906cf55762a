using Microsoft.AspNetCore.Http;
using NewsWatch.Reading;

namespace NewsWatch.Web.Api;

/// <summary><c>GET /api/articles?relevant=&amp;approval=&amp;feed=&amp;lang=&amp;since=&amp;until=&amp;q=&amp;continuation=&amp;limit=</c>: newest first, paged.</summary>
public sealed class ArticlesEndpoint(IArticleIndex index)
{
    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var query = new ArticleQuery(
                Relevant: QueryValues.Flag(request, "relevant"),
                Approval: QueryValues.OneOf(request, "approval", "granted", "pending", "denied", "none"),
                FeedId: QueryValues.Text(request, "feed"),
                Language: QueryValues.Language(request, "lang"),
                Since: QueryValues.Time(request, "since"),
                Until: QueryValues.Time(request, "until", endOfDay: true),
                Text: QueryValues.Text(request, "q"),
                Continuation: QueryValues.Text(request, "continuation", 2_000),
                PageSize: QueryValues.Int(request, "limit", ArticleQuery.DefaultPageSize, 1, ArticleQuery.MaxPageSize));
            var page = await index.QueryAsync(query, cancellationToken);
            return ApiResults.Json(new ItemsResponse<ArticleSummary>(page.Items, page.Continuation), ApiJson.Default.ItemsResponseArticleSummary);
        });
}
