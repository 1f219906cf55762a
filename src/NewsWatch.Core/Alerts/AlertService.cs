namespace NewsWatch.Alerts;

/// <summary>Approval alerts by email, exactly once per event as far as the outbox can make it (see <see cref="AlertDispatcher"/>).</summary>
public interface IAlertService
{
    /// <summary>
    /// Records the notices whose status alerts (<see cref="AlertOptions.Statuses"/>): a new event creates a pending
    /// alert, a known one gets the article added to its sources. Safe to repeat for a redelivered message.
    /// </summary>
    Task RecordAsync(IReadOnlyList<ApprovalNotice> notices, CancellationToken cancellationToken);

    /// <summary>Sends every due pending alert; failures stay pending with a later retry time.</summary>
    Task<AlertDeliveryReport> DeliverPendingAsync(CancellationToken cancellationToken);
}

/// <summary>The pipeline's entry point: recording and delivery live in their own classes, this only joins them.</summary>
public sealed class AlertService(AlertRecorder recorder, AlertDispatcher dispatcher) : IAlertService
{
    public Task RecordAsync(IReadOnlyList<ApprovalNotice> notices, CancellationToken cancellationToken) =>
        recorder.RecordAsync(notices, cancellationToken);

    public Task<AlertDeliveryReport> DeliverPendingAsync(CancellationToken cancellationToken) =>
        dispatcher.DeliverPendingAsync(cancellationToken);
}
