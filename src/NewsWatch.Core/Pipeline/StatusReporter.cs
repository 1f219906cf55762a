using NewsWatch.Articles;
using NewsWatch.Feeds;

namespace NewsWatch.Pipeline;

public sealed record FeedStatus(
    string FeedId, string Url, string? LastOutcome, DateTimeOffset? LastPolledAt, DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures, string? LastError, long ItemsQueued, DateTimeOffset? NextAttemptAt);

public sealed record ArticleCounts(int Stored, int Failed);

/// <summary>The operator's view: how every feed is doing and what has been stored.</summary>
public sealed record StatusReport(DateTimeOffset GeneratedAt, IReadOnlyList<FeedStatus> Feeds, ArticleCounts Articles);

public sealed class StatusReporter(IFeedStateStore feeds, IArticleStore articles, TimeProvider time)
{
    public async Task<StatusReport> BuildAsync(CancellationToken cancellationToken = default)
    {
        var feedStatuses = new List<FeedStatus>();
        await foreach (var f in feeds.ListAsync(cancellationToken))
        {
            feedStatuses.Add(new FeedStatus(
                f.FeedId, f.Url.AbsoluteUri, f.LastOutcome, f.LastPolledAt, f.LastSuccessAt, f.ConsecutiveFailures, f.LastError, f.ItemsQueued, f.NextAttemptAt));
        }

        int stored = 0, failed = 0;
        await foreach (var a in articles.ListWithoutTextAsync(cancellationToken))
        {
            if (a.Status == ArticleStatus.Stored)
            {
                stored++;
            }
            else
            {
                failed++;
            }
        }

        return new StatusReport(time.GetUtcNow(), feedStatuses, new ArticleCounts(stored, failed));
    }
}
