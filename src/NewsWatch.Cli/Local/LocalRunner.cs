using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCrontab;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.LocalDev.QueueTrigger;
using NewsWatch.Pipeline;

namespace NewsWatch.Cli.Local;

/// <summary>
/// Runs the two functions on this machine the way the Functions host would: PollFeeds on its cron
/// schedule (and once at start), ProcessArticle for every message on the articles queue with the
/// queue-trigger rules from host.json. It only translates triggers into calls on the core.
/// </summary>
internal sealed partial class LocalRunner(IServiceProvider services, QueueTriggerSettings queueSettings, ILogger<LocalRunner> logger)
{
    public RunSummary Summary => services.GetRequiredService<RunSummaryHolder>().Summary;

    public QueueTriggerListener Listener { get; } = CreateListener(services, queueSettings);

    /// <summary>One poll, then process until the queue is empty.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        Summary.Add(await services.GetRequiredService<PollFeedsJob>().RunAsync(cancellationToken));
        await Listener.DrainAsync(cancellationToken);
        Summary.FinalAlerts = await services.GetRequiredService<NewsWatch.Alerts.IAlertDelivery>().DeliverPendingAsync(cancellationToken);
    }

    /// <summary>Polls on schedule and listens to the queue until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        var listening = Listener.ListenAsync(cancellationToken);
        var polling = PollOnScheduleAsync(cancellationToken);
        var reporting = ReportProgressAsync(cancellationToken);
        try
        {
            await Task.WhenAll(listening, polling, reporting);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the caller prints the summary.
        }
    }

    /// <summary>A long local run says every minute what it has done so far, whatever the log level of the jobs.</summary>
    private async Task ReportProgressAsync(CancellationToken cancellationToken)
    {
        var time = services.GetRequiredService<TimeProvider>();
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMinutes(1), time, cancellationToken);
            LogProgress(Summary.Polls.Count, Summary.Count(ProcessStatus.Stored), Summary.Count(ProcessStatus.Unchanged),
                Summary.Count(ProcessStatus.Failed), Listener.Stats.Poisoned);
        }
    }

    private async Task PollOnScheduleAsync(CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var schedule = CrontabSchedule.Parse(options.PollSchedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        var job = services.GetRequiredService<PollFeedsJob>();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                Summary.Add(await job.RunAsync(cancellationToken));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Like a failed timer invocation: reported, and the next occurrence runs as usual.
                LogPollFailed(ex);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            LogNextPoll(next);
            await Task.Delay(next - now, time, cancellationToken);
        }
    }

    private static QueueTriggerListener CreateListener(IServiceProvider services, QueueTriggerSettings settings)
    {
        var storage = services.GetRequiredService<StorageClients>();
        var job = services.GetRequiredService<ProcessArticleJob>();
        var summary = services.GetRequiredService<RunSummaryHolder>().Summary;
        return new QueueTriggerListener(
            storage.ArticlesQueue,
            storage.ArticlesPoisonQueue,
            settings,
            async (message, ct) => summary.Add(await job.RunAsync(ArticleMessage.Parse(message.Text), ct)),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<QueueTriggerListener>>());
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "PollFeeds failed; the next scheduled poll will run as usual")]
    private partial void LogPollFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Progress: {Polls} polls, {Stored} articles stored, {Unchanged} unchanged, {Failed} failed for good, {Poisoned} dead-lettered")]
    private partial void LogProgress(int polls, int stored, int unchanged, int failed, int poisoned);

    [LoggerMessage(Level = LogLevel.Information, Message = "Next poll at {NextPoll:u}")]
    private partial void LogNextPoll(DateTime nextPoll);
}

/// <summary>Lets the listener's callback and the runner share one summary without static state.</summary>
internal sealed class RunSummaryHolder
{
    public RunSummary Summary { get; } = new();
}
