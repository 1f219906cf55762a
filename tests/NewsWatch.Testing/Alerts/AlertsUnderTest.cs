using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Alerts;

namespace NewsWatch.Testing.Alerts;

/// <summary>
/// The two sides of the outbox as one instance of the app has them, so a test can play "record, then sweep" the
/// way ProcessArticle and PollFeeds do.
/// </summary>
public sealed class AlertsUnderTest(IAlertRecorder recorder, IAlertDelivery delivery)
{
    public static AlertsUnderTest From(IServiceProvider services) =>
        new(services.GetRequiredService<IAlertRecorder>(), services.GetRequiredService<IAlertDelivery>());

    public Task<int> RecordAsync(IReadOnlyList<ApprovalNotice> notices, CancellationToken cancellationToken) =>
        recorder.RecordAsync(notices, cancellationToken);

    public Task<AlertDeliveryReport> DeliverPendingAsync(CancellationToken cancellationToken) =>
        delivery.DeliverPendingAsync(cancellationToken);
}
