using Microsoft.AspNetCore.Http;
using NewsWatch.Stories;

namespace NewsWatch.Web.Api;

/// <summary><c>GET /api/stories?since=</c>: stories seen since then (default: the last 30 days), most recent first.</summary>
public sealed class StoriesEndpoint(IStoryCatalog catalog, TimeProvider time)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var since = QueryValues.Time(request, "since") ?? time.GetUtcNow() - DefaultWindow;
            var items = new List<StorySummary>();
            await foreach (var story in catalog.ListAsync(since, cancellationToken))
            {
                items.Add(story);
            }

            return ApiResults.Json(new ItemsResponse<StorySummary>(items), ApiJson.Default.ItemsResponseStorySummary);
        });
}
