using NewsWatch.Feeds;
using NewsWatch.Reading;

namespace NewsWatch.Pipeline;

public sealed record FeedStatus(
    string FeedId, string Url, string? LastOutcome, DateTimeOffset? LastPolledAt, DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures, string? LastError, long ItemsQueued, DateTimeOffset? NextAttemptAt);

public sealed record ArticleCounts(int Stored, int Failed);

/// <summary>The operator's view: how every feed is doing and what has been stored.</summary>
public sealed record StatusReport(DateTimeOffset GeneratedAt, IReadOnlyList<FeedStatus> Feeds, ArticleCounts Articles);

/// <summary>Counts come from the article index's counters: the status view never reads article rows.</summary>
public sealed class StatusReporter(IFeedStateStore feeds, IArticleIndex articles, TimeProvider time)
{
    public async Task<StatusReport> BuildAsync(CancellationToken cancellationToken = default)
    {
        var feedStatuses = new List<FeedStatus>();
        await foreach (var f in feeds.ListAsync(cancellationToken))
        {
            feedStatuses.Add(new FeedStatus(
                f.FeedId, f.Url.AbsoluteUri, f.LastOutcome, f.LastPolledAt, f.LastSuccessAt, f.ConsecutiveFailures, f.LastError, f.ItemsQueued, f.NextAttemptAt));
        }

        var counts = await articles.CountsAsync(cancellationToken);
        return new StatusReport(time.GetUtcNow(), feedStatuses, counts);
    }
}
