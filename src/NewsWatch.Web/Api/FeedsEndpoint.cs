using Microsoft.AspNetCore.Http;
using NewsWatch.Reading;

namespace NewsWatch.Web.Api;

/// <summary><c>GET /api/feeds</c>: health, last poll, backoff and last error of every feed.</summary>
public sealed class FeedsEndpoint(FeedHealth feeds)
{
    public Task<IResult> HandleAsync(CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(async () =>
            ApiResults.Json(new ItemsResponse<FeedHealthEntry>(await feeds.ListAsync(cancellationToken)), ApiJson.Default.ItemsResponseFeedHealthEntry));
}
