namespace NewsWatch.Feeds;

public enum LedgerClaim
{
    /// <summary>Never seen: the caller now owns queueing it.</summary>
    New,

    /// <summary>Claimed earlier but never confirmed as queued (a crash in between): queue it again.</summary>
    Unfinished,

    /// <summary>Already queued once; leave it alone.</summary>
    Seen,
}

/// <summary>
/// Per-feed memory of the items we have queued. Queueing is two steps (claim, then confirm) so a
/// crash between enqueue and bookkeeping re-queues the item instead of losing it.
/// </summary>
public interface IFeedItemLedger
{
    Task<LedgerClaim> ClaimAsync(FeedItem item, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task ConfirmQueuedAsync(FeedItem item, DateTimeOffset now, CancellationToken cancellationToken = default);
}
