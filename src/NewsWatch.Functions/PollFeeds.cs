using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NewsWatch.Pipeline;

namespace NewsWatch.Functions;

/// <summary>Timer trigger: polls every configured feed and queues the new items.</summary>
public sealed partial class PollFeeds(PollFeedsJob job, ILogger<PollFeeds> logger)
{
    /// <summary>
    /// The schedule is the app setting <c>NewsWatch__PollSchedule</c> (six-field NCRONTAB, UTC). A failing feed is
    /// recorded by the job and does not fail the run; an exception here (storage down) fails this occurrence
    /// only, and the next one runs as usual.
    /// </summary>
    [Function(nameof(PollFeeds))]
    public async Task RunAsync([TimerTrigger("%NewsWatch:PollSchedule%", RunOnStartup = false, UseMonitor = true)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var summary = await job.RunAsync(cancellationToken);
        LogPolled(summary.Feeds.Count, summary.ItemsQueued, summary.FailedFeeds, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PollFeeds: {Feeds} feeds, {Queued} items queued, {Failed} feeds failed (past due: {PastDue})")]
    private partial void LogPolled(int feeds, int queued, int failed, bool pastDue);
}
