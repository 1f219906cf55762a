using NewsWatch.Alerts;

namespace NewsWatch.Core.Tests.Alerts;

public sealed class AlertStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2023, 8, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), maxAttempts: 3);

    private static AlertRecord Stored(ApprovalNotice? notice = null) =>
        AlertStateMachine.Create(notice ?? AlertHarness.Notice(), Now) with { Version = "v1" };

    [Fact]
    public void A_new_alert_is_pending_and_due_at_once_keyed_by_event_and_status()
    {
        var r = AlertStateMachine.Create(AlertHarness.Notice(status: " Granted "), Now);

        Assert.Equal("xiaomi-ev|NDRC|production-approval|granted", r.AlertKey);
        Assert.Equal(AlertKeys.Id(r.AlertKey), r.Id);
        Assert.Matches("^[0-9a-f]{32}$", r.Id);
        Assert.Equal(AlertDeliveryState.Pending, r.State);
        Assert.True(AlertStateMachine.IsDue(r, Now));
        Assert.Equal(AlertPriority.Normal, r.Priority);
        Assert.Single(r.Sources);
    }

    [Fact]
    public void A_pending_notice_is_a_separate_low_priority_alert_from_the_grant()
    {
        var pending = AlertStateMachine.Create(AlertHarness.Notice(status: "pending"), Now);
        var granted = AlertStateMachine.Create(AlertHarness.Notice(status: "granted"), Now);

        Assert.Equal(AlertPriority.Low, pending.Priority);
        Assert.NotEqual(pending.Id, granted.Id);
    }

    [Fact]
    public void A_source_is_added_once_per_article_and_counted_past_the_cap()
    {
        var r = Stored();

        Assert.Null(AlertStateMachine.AddSource(r, AlertHarness.Notice(1), maxSources: 2));
        var two = AlertStateMachine.AddSource(r, AlertHarness.Notice(2), maxSources: 2)!;
        var three = AlertStateMachine.AddSource(two, AlertHarness.Notice(3), maxSources: 2)!;

        Assert.Equal(["article01", "article02"], two.Sources.Select(s => s.ArticleKey));
        Assert.Equal(2, three.Sources.Count);
        Assert.Equal(1, three.SourcesOmitted);
    }

    [Fact]
    public void Claim_takes_a_lease_and_a_live_lease_blocks_others_until_it_expires()
    {
        var lease = TimeSpan.FromMinutes(5);
        var claimed = AlertStateMachine.Claim(Stored(), "a", Now, lease)!;

        Assert.Equal(AlertDeliveryState.Sending, claimed.State);
        Assert.Equal(1, claimed.Attempts);
        Assert.Null(AlertStateMachine.Claim(claimed, "b", Now.AddMinutes(4), lease));

        var takenOver = AlertStateMachine.Claim(claimed, "b", Now.AddMinutes(5), lease)!;
        Assert.Equal("b", takenOver.LeaseId);
        Assert.Equal(2, takenOver.Attempts);
    }

    [Fact]
    public void A_failure_backs_off_exponentially_only_for_the_lease_holder_and_gives_up_at_max_attempts()
    {
        var r = Stored();
        var waits = new List<TimeSpan>();
        var t = Now;
        for (var i = 0; i < 3; i++)
        {
            var claimed = AlertStateMachine.Claim(r, "me", t, TimeSpan.FromMinutes(5))!;
            Assert.Null(AlertStateMachine.MarkFailed(claimed, "someone-else", t, "x", Backoff));
            r = AlertStateMachine.MarkFailed(claimed, "me", t, "421 down", Backoff)!;
            waits.Add(r.NextAttemptAt - t);
            Assert.False(AlertStateMachine.IsDue(r, t));
            t = r.NextAttemptAt;
        }

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)], waits);
        Assert.Equal(AlertDeliveryState.Failed, r.State);
        Assert.Equal("421 down", r.LastError);
        Assert.False(AlertStateMachine.IsDue(r, t.AddDays(1)));
    }

    [Fact]
    public void Sent_is_recorded_once_even_if_the_lease_was_taken_over()
    {
        var claimed = AlertStateMachine.Claim(Stored(), "a", Now, TimeSpan.FromMinutes(5))!;
        var takenOver = AlertStateMachine.Claim(claimed, "b", Now.AddMinutes(6), TimeSpan.FromMinutes(5))!;

        var sent = AlertStateMachine.MarkSent(takenOver, Now.AddMinutes(7), "250 ok")!;

        Assert.Equal(AlertDeliveryState.Sent, sent.State);
        Assert.Equal(1, sent.Deliveries);
        Assert.Null(sent.LeaseId);
        Assert.Null(AlertStateMachine.MarkSent(sent, Now.AddMinutes(8), "250 again"));
        Assert.Null(AlertStateMachine.MarkFailed(sent, "b", Now.AddMinutes(8), "late failure", Backoff));
    }

    [Fact]
    public void A_resend_of_a_delivered_alert_gets_a_new_generation_but_not_while_a_send_is_under_way()
    {
        var claimed = AlertStateMachine.Claim(Stored(), "a", Now, TimeSpan.FromMinutes(5))!;
        Assert.Null(AlertStateMachine.RequestResend(claimed, Now.AddMinutes(1)));

        var sent = AlertStateMachine.MarkSent(claimed, Now.AddMinutes(1), "250")!;
        var resend = AlertStateMachine.RequestResend(sent, Now.AddMinutes(2))!;

        Assert.Equal(AlertDeliveryState.Pending, resend.State);
        Assert.Equal(1, resend.Resends);
        Assert.Equal(0, resend.Attempts);
        Assert.True(AlertStateMachine.IsDue(resend, Now.AddMinutes(2)));
        Assert.NotEqual(AlertKeys.MessageId(sent, "example.com"), AlertKeys.MessageId(resend, "example.com"));

        // Asking again before it went out does not skip a generation.
        Assert.Equal(1, AlertStateMachine.RequestResend(resend, Now.AddMinutes(3))!.Resends);
    }

    [Fact]
    public void Backoff_doubles_from_the_initial_delay_and_stops_at_the_cap()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), maxAttempts: null);

        Assert.Equal(
            [1, 2, 4, 8, 10, 10],
            new[] { 1, 2, 3, 4, 5, 50 }.Select(n => backoff.DelayAfter(n).TotalMinutes));
        Assert.False(backoff.IsExhausted(1_000));
    }

    [Fact]
    public void Message_id_is_stable_for_the_same_alert_and_generation()
    {
        var a = Stored();
        var b = AlertStateMachine.Create(AlertHarness.Notice(article: 4), Now.AddHours(1));

        Assert.Equal(AlertKeys.MessageId(a, "example.com"), AlertKeys.MessageId(b, "example.com"));
        Assert.Equal($"<newswatch.alert.{a.Id}@example.com>", AlertKeys.MessageId(a, "example.com"));
        Assert.Equal($"<newswatch.alert.{a.Id}.r2@example.com>", AlertKeys.MessageId(a with { Resends = 2 }, "example.com"));
    }
}
