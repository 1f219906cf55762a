using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Feeds;
using NewsWatch.Fetching;

namespace NewsWatch.Pipeline;

/// <summary>
/// The PollFeeds function: reads every configured feed and queues each item not queued before.
/// A feed that fails is recorded and reported; it never stops the others.
/// </summary>
public sealed partial class PollFeedsJob(
    FeedReader reader,
    IFeedStateStore states,
    IFeedItemLedger ledger,
    IArticleQueue queue,
    IAlertDelivery alerts,
    IOptionsMonitor<PipelineOptions> options,
    TimeProvider time,
    ILogger<PollFeedsJob> logger)
{
    public async Task<PollSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        var feeds = settings.Feeds.Where(f => f.Enabled).ToList();
        var results = new ConcurrentDictionary<string, FeedPollResult>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            feeds,
            new ParallelOptions { MaxDegreeOfParallelism = settings.FeedConcurrency, CancellationToken = cancellationToken },
            async (feed, ct) => results[feed.Id] = await PollOneAsync(feed, ct));

        var summary = new PollSummary(feeds.Select(f => results[f.Id]).ToList()) { Alerts = await SweepAlertsAsync(cancellationToken) };
        LogPollDone(feeds.Count, summary.ItemsQueued, summary.FailedFeeds);
        return summary;
    }

    /// <summary>The timer also delivers alerts left pending (mail server down, a worker crashed mid-send).</summary>
    private async Task<AlertDeliveryReport?> SweepAlertsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await alerts.DeliverPendingAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogSweepFailed(ex);
            return null;
        }
    }

    private async Task<FeedPollResult> PollOneAsync(FeedDefinition feed, CancellationToken cancellationToken)
    {
        var previous = await states.GetAsync(feed.Id, cancellationToken);
        var now = time.GetUtcNow();
        var state = previous ?? new FeedState { FeedId = feed.Id, Url = feed.Url! };
        if (state.NextAttemptAt is { } next && next > now && state.Url == feed.Url)
        {
            LogFeedBackingOff(feed.Id, state.ConsecutiveFailures, next);
            return new FeedPollResult(feed.Id, FeedOutcome.BackingOff, 0, 0, state.LastError);
        }

        FeedReadResult read;
        try
        {
            read = await reader.ReadAsync(feed, previous, cancellationToken);
        }
        catch (Exception ex) when (FeedFailureReason(ex) is { } reason)
        {
            // The message says what went wrong with the feed; a stack trace would only bury it.
            var failures = state.ConsecutiveFailures + 1;
            var retryAt = now + options.CurrentValue.BackoffAfter(failures);
            LogFeedFailed(feed.Id, feed.Url, reason, failures, retryAt);
            await states.SaveAsync(
                state with
                {
                    Url = feed.Url!, LastPolledAt = now, LastOutcome = "error", LastError = reason,
                    ConsecutiveFailures = failures, NextAttemptAt = retryAt,
                },
                cancellationToken);
            return new FeedPollResult(feed.Id, FeedOutcome.Failed, 0, 0, reason);
        }

        var toQueue = await ledger.ClaimAsync(
            feed.Id, [.. read.Items.OrderBy(i => i.Published ?? DateTimeOffset.MaxValue)], now, cancellationToken);
        foreach (var item in toQueue)
        {
            await queue.EnqueueAsync(
                new ArticleMessage(item.FeedId, item.ItemId, item.Link, item.Title, item.Published, time.GetUtcNow()),
                cancellationToken);
        }

        // Confirmed together after the last enqueue: if the poll dies in between, the next poll queues these items
        // again, which ProcessArticle absorbs (an article already stored is left unchanged).
        await ledger.ConfirmQueuedAsync(feed.Id, toQueue, time.GetUtcNow(), cancellationToken);
        var queued = toQueue.Count;

        await states.SaveAsync(
            state with
            {
                Url = feed.Url!, LastPolledAt = now, LastSuccessAt = now,
                LastOutcome = read.NotModified ? "not-modified" : "ok", LastError = null, ConsecutiveFailures = 0, NextAttemptAt = null,
                ETag = read.ETag, LastModified = read.LastModified, ItemsQueued = state.ItemsQueued + queued,
            },
            cancellationToken);
        LogFeedPolled(feed.Id, read.Items.Count, queued, read.NotModified);
        return new FeedPollResult(
            feed.Id, read.NotModified ? FeedOutcome.NotModified : FeedOutcome.Ok, read.Items.Count, queued, null);
    }

    /// <summary>
    /// Whatever a feed's content or server does, it fails that feed only. Cancellation and anything else (storage
    /// down) is not a feed problem and ends the poll, so the host reports it.
    /// </summary>
    private static string? FeedFailureReason(Exception ex) => ex switch
    {
        FetchException or FeedFormatException => ex.Message,
        _ => FailureClassifier.PermanentReason(ex) is { } reason ? reason : null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {FeedId}: skipped after {Failures} failed polls, next try at {NextAttemptAt:u}")]
    private partial void LogFeedBackingOff(string feedId, int failures, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping pending alerts failed; the next poll tries again")]
    private partial void LogSweepFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedId} ({FeedUrl}) failed ({Failures} in a row, next try at {NextAttemptAt:u}): {Reason}")]
    private partial void LogFeedFailed(string feedId, Uri? feedUrl, string reason, int failures, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {FeedId}: {ItemCount} items, {QueuedCount} new queued (not modified: {NotModified})")]
    private partial void LogFeedPolled(string feedId, int itemCount, int queuedCount, bool notModified);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll finished: {FeedCount} feeds, {QueuedCount} items queued, {FailedCount} feeds failed")]
    private partial void LogPollDone(int feedCount, int queuedCount, int failedCount);
}
