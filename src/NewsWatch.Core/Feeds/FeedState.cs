namespace NewsWatch.Feeds;

/// <summary>What we remember about polling one feed, for conditional GET and for the status view.</summary>
public sealed record FeedState
{
    public required string FeedId { get; init; }

    public required Uri Url { get; init; }

    public DateTimeOffset? LastPolledAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>"ok", "not-modified" or "error".</summary>
    public string? LastOutcome { get; init; }

    public string? LastError { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>A failing feed is not polled again before this time (doubling backoff); null when it is healthy.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public long ItemsQueued { get; init; }
}
