using System.Net.Mail;
using NewsWatch.Alerts;

namespace NewsWatch.Core.Tests.Alerts;

public sealed class AlertDispatcherTests
{
    [Fact]
    public async Task A_due_alert_is_sent_once_and_marked_sent_with_time_and_reply()
    {
        var h = new AlertHarness();
        var service = h.Service();
        await service.RecordAsync([AlertHarness.Notice()], CancellationToken.None);

        var first = await service.DeliverPendingAsync(CancellationToken.None);
        var second = await service.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal((1, 0, 0), (first.Sent, first.Failed, first.Pending));
        Assert.Equal((0, 0, 0), (second.Sent, second.Failed, second.Pending));
        var alert = Assert.Single(h.Outbox.All);
        Assert.Equal(AlertDeliveryState.Sent, alert.State);
        Assert.Equal(h.Time.GetUtcNow(), alert.SentAt);
        Assert.Equal("250 OK test", alert.DeliveryReply);
        Assert.Single(h.Sender.Attempted);
    }

    [Fact]
    public async Task A_failed_send_stays_pending_with_backoff_and_is_delivered_once_after_the_server_is_back()
    {
        var h = new AlertHarness();
        var service = h.Service();
        await service.RecordAsync([AlertHarness.Notice()], CancellationToken.None);
        h.Sender.Behaviour = (_, _) => throw new SmtpException(SmtpStatusCode.ServiceNotAvailable, "421 4.3.2 down for maintenance");

        var down = await service.DeliverPendingAsync(CancellationToken.None);
        var alert = Assert.Single(h.Outbox.All);
        Assert.Equal((0, 1, 1), (down.Sent, down.Failed, down.Pending));
        Assert.Equal(AlertDeliveryState.Pending, alert.State);
        Assert.Equal(1, alert.Attempts);
        Assert.Contains("421 4.3.2 down for maintenance", alert.LastError, StringComparison.Ordinal);
        Assert.Equal(h.Time.GetUtcNow() + h.Options.InitialRetryDelay, alert.NextAttemptAt);

        h.Sender.Behaviour = (_, _) => Task.FromResult("250 back");
        var tooEarly = await service.DeliverPendingAsync(CancellationToken.None);
        Assert.Equal((0, 0, 1), (tooEarly.Sent, tooEarly.Failed, tooEarly.Pending));

        h.Time.Advance(h.Options.InitialRetryDelay);
        var back = await service.DeliverPendingAsync(CancellationToken.None);
        await service.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal((1, 0, 0), (back.Sent, back.Failed, back.Pending));
        Assert.Equal(2, h.Sender.Attempted.Count);
        Assert.Equal("250 back", Assert.Single(h.Outbox.All).DeliveryReply);
    }

    [Fact]
    public async Task After_max_attempts_the_alert_is_given_up_until_resent_by_hand()
    {
        var h = new AlertHarness(new AlertOptions { MaxAttempts = 2, Recipients = ["a@example.com"] });
        var service = h.Service();
        await service.RecordAsync([AlertHarness.Notice()], CancellationToken.None);
        h.Sender.Behaviour = (_, _) => throw new SmtpException("refused");

        await service.DeliverPendingAsync(CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(1));
        var last = await service.DeliverPendingAsync(CancellationToken.None);
        h.Time.Advance(TimeSpan.FromDays(1));
        var later = await service.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal((1, 1), (last.Failed, last.GaveUp));
        Assert.Equal((0, 0, 1), (later.Failed, later.Pending, later.GaveUp));
        Assert.Equal(AlertDeliveryState.Failed, Assert.Single(h.Outbox.All).State);

        h.Sender.Behaviour = (_, _) => Task.FromResult("250");
        var resent = await h.Dispatcher().ResendAsync(h.Outbox.All[0].Id, CancellationToken.None);

        Assert.Equal(AlertSendOutcome.Sent, resent.Outcome);
        Assert.Equal(AlertDeliveryState.Sent, resent.Record!.State);
        Assert.Equal(0, resent.Record.Resends); // never delivered before: same Message-ID as the failed tries
    }

    [Fact]
    public async Task Two_instances_sweeping_at_once_send_an_alert_once()
    {
        var h = new AlertHarness();
        await h.Recorder().RecordAsync([AlertHarness.Notice()], CancellationToken.None);
        var release = new TaskCompletionSource();
        var slow = new RecordingAlertSender { Behaviour = async (_, _) => { await release.Task; return "250 slow"; } };

        var a = h.Dispatcher(slow).DeliverPendingAsync(CancellationToken.None);
        while (slow.Attempted.Count == 0)
        {
            await Task.Delay(5);
        }

        // A is inside its send holding the lease; B sees the alert as "sending" and leaves it alone.
        var b = await h.Dispatcher(slow).DeliverPendingAsync(CancellationToken.None);
        release.SetResult();
        var ra = await a;

        Assert.Equal(1, ra.Sent);
        Assert.Equal((0, 1), (b.Sent, b.Pending));
        Assert.Single(slow.Attempted);
    }

    [Fact]
    public async Task Many_instances_racing_on_many_alerts_send_each_exactly_once()
    {
        var h = new AlertHarness();
        var recorder = h.Recorder();
        for (var e = 0; e < 6; e++)
        {
            await recorder.RecordAsync([AlertHarness.Notice(e, eventKey: $"xiaomi-ev|REG{e}|approval")], CancellationToken.None);
        }

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => h.Dispatcher().DeliverPendingAsync(CancellationToken.None))));

        Assert.Equal(6, h.Sender.Attempted.Count);
        Assert.Equal(6, h.Sender.Attempted.Select(m => m.MessageId).Distinct().Count());
        Assert.All(h.Outbox.All, a => Assert.Equal(AlertDeliveryState.Sent, a.State));
    }

    [Fact]
    public async Task A_crash_between_send_and_mark_sent_resends_once_the_lease_expires_with_the_same_message_id()
    {
        var h = new AlertHarness();
        await h.Recorder().RecordAsync([AlertHarness.Notice()], CancellationToken.None);
        h.Outbox.BeforeReplace = r =>
        {
            if (r.State == AlertDeliveryState.Sent)
            {
                throw new IOException("process killed before 'sent' was written");
            }
        };

        await Assert.ThrowsAsync<IOException>(() => h.Dispatcher().DeliverPendingAsync(CancellationToken.None));
        h.Outbox.BeforeReplace = null;
        var stuck = Assert.Single(h.Outbox.All);
        Assert.Equal(AlertDeliveryState.Sending, stuck.State);

        // Another instance before the lease runs out: the first might still be working, so nothing is sent.
        h.Time.Advance(h.Options.SendLease - TimeSpan.FromSeconds(1));
        var during = await h.Dispatcher().DeliverPendingAsync(CancellationToken.None);
        Assert.Equal((0, 1), (during.Sent, during.Pending));

        h.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await h.Dispatcher().DeliverPendingAsync(CancellationToken.None);
        var again = await h.Dispatcher().DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(1, after.Sent);
        Assert.Equal(0, again.Sent);
        Assert.Equal(2, h.Sender.Attempted.Count); // at-least-once: the documented direction
        Assert.Single(h.Sender.Attempted.Select(m => m.MessageId).Distinct());
        Assert.Single(h.Sender.Attempted.Select(m => m.AlertKey).Distinct());
        var done = Assert.Single(h.Outbox.All);
        Assert.Equal((AlertDeliveryState.Sent, 2), (done.State, done.Attempts));
    }

    [Fact]
    public async Task A_deliberate_resend_sends_again_with_a_new_message_id()
    {
        var h = new AlertHarness();
        var service = h.Service();
        await service.RecordAsync([AlertHarness.Notice()], CancellationToken.None);
        await service.DeliverPendingAsync(CancellationToken.None);

        var result = await h.Dispatcher().ResendAsync(h.Outbox.All[0].Id, CancellationToken.None);

        Assert.Equal(AlertSendOutcome.Sent, result.Outcome);
        Assert.Equal(2, result.Record!.Deliveries);
        Assert.Equal(2, h.Sender.Attempted.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(AlertSendOutcome.Skipped, (await h.Dispatcher().ResendAsync("0123456789abcdef", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Sources_reported_before_the_send_are_all_in_the_email_and_later_ones_are_not_re_alerted()
    {
        var h = new AlertHarness();
        var service = h.Service();
        await service.RecordAsync([AlertHarness.Notice(1)], CancellationToken.None);
        await service.RecordAsync([AlertHarness.Notice(2)], CancellationToken.None);
        await service.DeliverPendingAsync(CancellationToken.None);
        await service.RecordAsync([AlertHarness.Notice(3)], CancellationToken.None);
        var report = await service.DeliverPendingAsync(CancellationToken.None);

        var email = Assert.Single(h.Sender.Attempted);
        Assert.Contains("https://outlet1.example/xiaomi-ndrc-1", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://outlet2.example/xiaomi-ndrc-2", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(0, report.Sent);
        Assert.Equal(3, Assert.Single(h.Outbox.All).Sources.Count);
    }
}
