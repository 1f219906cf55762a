using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsWatch.Alerts;

/// <summary>How one attempt at one alert ended.</summary>
public enum AlertSendOutcome
{
    /// <summary>Not due, or another instance holds its send lease.</summary>
    Skipped,
    Sent,
    Failed,
}

/// <param name="Record">The record after the attempt (null only if the alert does not exist).</param>
public sealed record AlertSendResult(AlertSendOutcome Outcome, AlertRecord? Record);

/// <summary>
/// Sends due alerts. Each one is first claimed with a time-limited "sending" lease written under the record's
/// version, so of several instances sweeping at once only one sends a given alert.
/// <para>
/// Crash direction — AT-LEAST-ONCE. If the process dies after the server accepted the message but before
/// "sent" is written, the record stays "sending" until its lease expires; the next sweep then takes it over and
/// sends it again. The repeat carries the same Message-ID (derived from the alert key) and the same
/// <c>X-NewsWatch-Alert-Key</c> header, so receivers can recognise it as the same message. We chose this over
/// at-most-once because a missed approval alert is the failure that matters (the issue: "never lost"); a rare
/// duplicate in a crash window of one SMTP round trip is the lesser harm, and is identifiable.
/// </para>
/// </summary>
/// <summary>Sends the alerts that are due (the sweeping side of the outbox).</summary>
public interface IAlertDelivery
{
    /// <summary>Sends every due pending alert; failures stay pending with a later retry time.</summary>
    Task<AlertDeliveryReport> DeliverPendingAsync(CancellationToken cancellationToken);
}

public sealed partial class AlertDispatcher(
    IAlertOutbox outbox,
    IAlertSender sender,
    AlertEmailComposer composer,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertDispatcher> logger) : IAlertDelivery
{
    public AlertDestination Destination => sender.Destination;

    public async Task<AlertDeliveryReport> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var unsent = new List<AlertRecord>();
        await foreach (var record in outbox.ListAsync(unsentOnly: true, cancellationToken))
        {
            unsent.Add(record);
        }

        int sent = 0, failed = 0, pending = 0, gaveUp = 0;
        foreach (var record in unsent.OrderBy(r => r.NextAttemptAt))
        {
            var final = record;
            if (AlertStateMachine.IsDue(record, time.GetUtcNow()))
            {
                var result = await DeliverAsync(record, cancellationToken);
                sent += result.Outcome == AlertSendOutcome.Sent ? 1 : 0;
                failed += result.Outcome == AlertSendOutcome.Failed ? 1 : 0;
                final = result.Record ?? record;
            }

            pending += final.State is AlertDeliveryState.Pending or AlertDeliveryState.Sending ? 1 : 0;
            gaveUp += final.State == AlertDeliveryState.Failed ? 1 : 0;
        }

        var report = new AlertDeliveryReport(sent, failed, pending, gaveUp, sender.Destination);
        if (unsent.Count > 0)
        {
            LogRunDone(sent, failed, pending, gaveUp, sender.Destination.ToString());
        }

        return report;
    }

    /// <summary>
    /// Sends one alert again on purpose (<c>newswatch alerts resend</c>): due now, attempts from zero, and, if it
    /// had been delivered, a new Message-ID generation so the repeat is not discarded as a duplicate.
    /// </summary>
    public async Task<AlertSendResult> ResendAsync(string id, CancellationToken cancellationToken)
    {
        var current = await outbox.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return new AlertSendResult(AlertSendOutcome.Skipped, null);
        }

        var requested = await outbox.UpdateAsync(current, r => AlertStateMachine.RequestResend(r, time.GetUtcNow()), cancellationToken);
        if (requested is null)
        {
            // Someone holds a live lease: that send is under way right now.
            return new AlertSendResult(AlertSendOutcome.Skipped, await outbox.GetAsync(id, cancellationToken));
        }

        LogResendRequested(id, requested.Resends);
        return await DeliverAsync(requested, cancellationToken);
    }

    private async Task<AlertSendResult> DeliverAsync(AlertRecord record, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var leaseId = Guid.NewGuid().ToString("N");
        var claimed = await outbox.UpdateAsync(
            record, r => AlertStateMachine.Claim(r, leaseId, time.GetUtcNow(), settings.SendLease), cancellationToken);
        if (claimed is null)
        {
            LogNotClaimed(record.Id);
            return new AlertSendResult(AlertSendOutcome.Skipped, await outbox.GetAsync(record.Id, cancellationToken));
        }

        var email = composer.Compose(claimed);
        string reply;
        try
        {
            reply = await sender.SendAsync(email, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure of one alert (server down, refused, bad address) must leave it retryable and must not
            // stop the sweep from trying the others.
            var error = Describe(ex);
            var backoff = RetryBackoff.From(settings);
            var after = await outbox.UpdateAsync(
                claimed, r => AlertStateMachine.MarkFailed(r, leaseId, time.GetUtcNow(), error, backoff), CancellationToken.None);
            LogSendFailed(ex, claimed.Id, claimed.Attempts, after?.State.ToString() ?? "lease lost", after?.NextAttemptAt);
            return new AlertSendResult(AlertSendOutcome.Failed, after ?? claimed);
        }

        // Not cancellable: the message is out, and failing to record that is what would cause a duplicate.
        var done = await outbox.UpdateAsync(claimed, r => AlertStateMachine.MarkSent(r, time.GetUtcNow(), reply), CancellationToken.None);
        LogSent(claimed.Id, claimed.AlertKey, email.MessageId, sender.Destination.ToString(), reply);
        return new AlertSendResult(AlertSendOutcome.Sent, done ?? await outbox.GetAsync(record.Id, CancellationToken.None));
    }

    /// <summary>The exception chain's messages; SMTP errors carry the server's reply text, which is what an operator needs.</summary>
    private static string Describe(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null && parts.Count < 4; e = e.InnerException)
        {
            parts.Add($"{e.GetType().Name}: {SafeText.Line(e.Message, 500)}");
        }

        return string.Join(" ← ", parts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} ({AlertKey}) sent as {MessageId} via {Destination}: {Reply}")]
    private partial void LogSent(string alertId, string alertKey, string messageId, string destination, string reply);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} attempt {Attempt} failed; now {State}, next attempt {NextAttemptAt:u}")]
    private partial void LogSendFailed(Exception ex, string alertId, int attempt, string state, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {AlertId} was claimed by another instance or is no longer due")]
    private partial void LogNotClaimed(string alertId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resend of alert {AlertId} requested (generation {Generation})")]
    private partial void LogResendRequested(string alertId, int generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert delivery: {Sent} sent, {Failed} failed, {Pending} pending, {GaveUp} given up ({Destination})")]
    private partial void LogRunDone(int sent, int failed, int pending, int gaveUp, string destination);
}
