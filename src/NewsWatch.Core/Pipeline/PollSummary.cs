using NewsWatch.Alerts;

namespace NewsWatch.Pipeline;

public enum FeedOutcome
{
    Ok,
    NotModified,
    Failed,

    /// <summary>Not polled this time: the feed failed recently and waits out its backoff.</summary>
    BackingOff,
}

public sealed record FeedPollResult(string FeedId, FeedOutcome Outcome, int ItemsFound, int ItemsQueued, string? Error);

public sealed record PollSummary(IReadOnlyList<FeedPollResult> Feeds)
{
    /// <summary>What the sweep of pending alerts did at the end of the poll; null when the sweep failed.</summary>
    public AlertDeliveryReport? Alerts { get; init; }

    public int ItemsQueued => Feeds.Sum(f => f.ItemsQueued);

    public int FailedFeeds => Feeds.Count(f => f.Outcome == FeedOutcome.Failed);
}
