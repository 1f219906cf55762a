using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsWatch.Alerts;

/// <summary>Records approval notices as alerts to send (the pipeline's side of the outbox).</summary>
public interface IAlertRecorder
{
    /// <summary>
    /// Records the notices whose status alerts (<see cref="AlertOptions.Statuses"/>): a new event creates a pending
    /// alert, a known one gets the article added to its sources. Safe to repeat for a redelivered message.
    /// </summary>
    /// <returns>How many notices created a new alert.</returns>
    Task<int> RecordAsync(IReadOnlyList<ApprovalNotice> notices, CancellationToken cancellationToken);
}

/// <summary>
/// Puts approval notices into the outbox. The first article that yields an alert key creates the record (the
/// conditional insert is the claim: of two workers racing, exactly one succeeds); every later article about
/// the same event is appended to its sources, never alerted again.
/// </summary>
public sealed partial class AlertRecorder(
    IAlertOutbox outbox,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertRecorder> logger) : IAlertRecorder
{
    public async Task<int> RecordAsync(IReadOnlyList<ApprovalNotice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var settings = options.Value;
        var statuses = settings.EffectiveStatuses;
        var created = 0;
        foreach (var notice in notices)
        {
            if (!IsUsable(notice))
            {
                continue;
            }

            if (!statuses.Contains(ApprovalStatuses.Normalize(notice.Status)))
            {
                LogNotAlerting(notice.EventKey, notice.Status, notice.ArticleKey);
                continue;
            }

            var record = AlertStateMachine.Create(notice, time.GetUtcNow());
            if (await LegacyAlertAsync(notice, cancellationToken) is { } legacy)
            {
                record = legacy;
            }
            else if (await outbox.TryAddAsync(record, cancellationToken) is not null)
            {
                created++;
                LogCreated(record.Id, record.AlertKey, notice.ArticleKey);
                continue;
            }

            var updated = await outbox.UpdateAsync(record.Id, r => AlertStateMachine.AddSource(r, notice, settings.MaxSources), cancellationToken);
            if (updated is null)
            {
                LogAlreadyKnown(record.Id, notice.ArticleKey);
            }
            else
            {
                LogSourceAdded(record.Id, notice.ArticleKey, updated.Sources.Count + updated.SourcesOmitted);
            }
        }

        return created;
    }

    /// <summary>
    /// The alert this event got before event keys were versioned, if there is one: it stays the event's alert
    /// (no second email for an approval already reported), and later reports are added to it.
    /// </summary>
    private async Task<AlertRecord?> LegacyAlertAsync(ApprovalNotice notice, CancellationToken cancellationToken)
    {
        if (notice.LegacyEventKey is not { Length: > 0 } legacyKey)
        {
            return null;
        }

        var existing = await outbox.GetAsync(AlertKeys.Id(AlertKeys.AlertKey(legacyKey, notice.Status)), cancellationToken);
        if (existing is not null)
        {
            LogLegacyKey(existing.Id, legacyKey, notice.EventKey);
        }

        return existing;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} was recorded under the unversioned key {LegacyKey}; event {EventKey} keeps using it")]
    private partial void LogLegacyKey(string alertId, string legacyKey, string eventKey);

    /// <summary>
    /// A notice without an event key or article key cannot be deduplicated; alerting on it could repeat forever,
    /// so it is logged and skipped rather than thrown (which would only send the article to the poison queue).
    /// </summary>
    private bool IsUsable(ApprovalNotice? notice)
    {
        if (notice is { EventKey.Length: > 0, ArticleKey.Length: > 0, Status.Length: > 0 } && notice.ArticleUrl is not null)
        {
            return true;
        }

        LogUnusable(notice?.EventKey, notice?.ArticleKey);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New alert {AlertId} for {AlertKey} (first reported by article {ArticleKey})")]
    private partial void LogCreated(string alertId, string alertKey, string articleKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId}: article {ArticleKey} added as a source ({SourceCount} in all); no new email")]
    private partial void LogSourceAdded(string alertId, string articleKey, int sourceCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {AlertId} already lists article {ArticleKey}; nothing to do")]
    private partial void LogAlreadyKnown(string alertId, string articleKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventKey} with status {Status} from article {ArticleKey} is not an alerting status")]
    private partial void LogNotAlerting(string eventKey, string status, string articleKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval notice without event key or article (event {EventKey}, article {ArticleKey}) skipped")]
    private partial void LogUnusable(string? eventKey, string? articleKey);
}
