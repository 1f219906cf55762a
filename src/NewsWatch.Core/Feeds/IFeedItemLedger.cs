namespace NewsWatch.Feeds;

/// <summary>
/// Per-feed memory of the items we have queued. Queueing is two steps (claim, then confirm) so a
/// crash between enqueue and bookkeeping re-queues the item instead of losing it. Both steps take a
/// whole poll's items at once: a feed repeats most of its items on every poll, and asking about them
/// one by one would cost storage operations per item per poll.
/// </summary>
public interface IFeedItemLedger
{
    /// <summary>
    /// Claims the items of one feed that were never queued and returns those the caller now owns queueing, in the
    /// order given: the new ones and those claimed earlier but never confirmed (a crash in between).
    /// </summary>
    Task<IReadOnlyList<FeedItem>> ClaimAsync(string feedId, IReadOnlyList<FeedItem> items, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records that these items of one feed are on the queue, so later polls leave them alone.</summary>
    Task ConfirmQueuedAsync(string feedId, IReadOnlyList<FeedItem> items, DateTimeOffset now, CancellationToken cancellationToken = default);
}
