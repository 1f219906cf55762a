using Microsoft.AspNetCore.Http;
using NewsWatch.Reading;
using NewsWatch.Stories;

namespace NewsWatch.Web.Api;

/// <summary>
/// <c>GET /api/stories?since=</c>: stories with a report since then, most recent first. Without <c>since</c>, the
/// stories behind the latest articles (back to the oldest of the newest page of articles, at most 30 days before
/// now): stories are placed by publication time, so a quiet month or an archive of old reports (the offline sample)
/// still shows the stories of what was found last instead of an empty list.
/// </summary>
public sealed class StoriesEndpoint(IStoryCatalog catalog, IArticleIndex articles, TimeProvider time)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var since = QueryValues.Time(request, "since") ?? await DefaultSinceAsync(articles, time, cancellationToken);
            var items = new List<StorySummary>();
            await foreach (var story in catalog.ListAsync(since, cancellationToken))
            {
                items.Add(story);
            }

            return ApiResults.Json(new ItemsResponse<StorySummary>(items), ApiJson.Default.ItemsResponseStorySummary);
        });

    /// <summary>One index query: the newest page of articles.</summary>
    public static async Task<DateTimeOffset> DefaultSinceAsync(IArticleIndex articles, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(time);
        var recent = time.GetUtcNow() - DefaultWindow;
        var latest = (await articles.QueryAsync(new ArticleQuery(), cancellationToken)).Items;
        return latest.Count > 0 ? Min(latest.Min(a => a.SortTime), recent) : recent;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
