using NewsWatch.Alerts;

namespace NewsWatch.Core.Tests.Alerts;

public sealed class AlertRecorderTests
{
    [Fact]
    public async Task By_default_only_granted_approvals_alert()
    {
        var h = new AlertHarness();

        var created = await h.Recorder().RecordAsync(
            [AlertHarness.Notice(1, "pending"), AlertHarness.Notice(2, "denied"), AlertHarness.Notice(3, "granted")], CancellationToken.None);

        Assert.Equal(1, created);
        var alert = Assert.Single(h.Outbox.All);
        Assert.Equal("granted", alert.Status);
        Assert.Equal("article03", Assert.Single(alert.Sources).ArticleKey);
    }

    [Fact]
    public async Task Pending_can_be_configured_as_a_lower_priority_notice()
    {
        var h = new AlertHarness(new AlertOptions { Statuses = ["Granted", "PENDING"] });

        await h.Recorder().RecordAsync([AlertHarness.Notice(1, "pending"), AlertHarness.Notice(2, "granted")], CancellationToken.None);

        Assert.Equal(2, h.Outbox.All.Count);
        Assert.Equal(AlertPriority.Low, h.Outbox.All.Single(a => a.Status == "pending").Priority);
    }

    [Fact]
    public async Task The_same_event_from_five_articles_is_one_alert_with_five_sources_and_redelivery_adds_nothing()
    {
        var h = new AlertHarness();
        var recorder = h.Recorder();

        for (var i = 1; i <= 5; i++)
        {
            await recorder.RecordAsync([AlertHarness.Notice(i)], CancellationToken.None);
        }

        await recorder.RecordAsync([AlertHarness.Notice(2), AlertHarness.Notice(4)], CancellationToken.None);

        var alert = Assert.Single(h.Outbox.All);
        Assert.Equal(["article01", "article02", "article03", "article04", "article05"], alert.Sources.Select(s => s.ArticleKey));
        Assert.Equal(AlertHarness.Notice(1).SeenAt, alert.FirstSeenAt);
    }

    [Fact]
    public async Task Concurrent_recorders_create_one_alert_and_lose_no_source()
    {
        var h = new AlertHarness();
        var notices = Enumerable.Range(1, 12).Select(i => AlertHarness.Notice(i)).ToList();

        // Four "instances" each record every notice (redeliveries included), all at once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var recorder = h.Recorder();
            foreach (var n in notices.Skip(w * 3).Concat(notices.Take(w * 3)))
            {
                await recorder.RecordAsync([n], CancellationToken.None);
            }
        })));

        var alert = Assert.Single(h.Outbox.All);
        Assert.Equal(12, alert.Sources.Select(s => s.ArticleKey).Distinct().Count());
        Assert.Equal(12, alert.Sources.Count);
    }

    [Fact]
    public async Task A_notice_without_event_key_is_skipped_not_thrown()
    {
        var h = new AlertHarness();

        await h.Recorder().RecordAsync([AlertHarness.Notice() with { EventKey = "" }], CancellationToken.None);

        Assert.Empty(h.Outbox.All);
    }
}

public class LegacyEventKeyTests
{
    [Fact]
    public async Task An_alert_recorded_under_the_unversioned_key_keeps_the_event_and_no_second_email_is_made()
    {
        var h = new AlertHarness();
        var recorder = h.Recorder();
        await recorder.RecordAsync([AlertHarness.Notice(1, eventKey: "xiaomi-ev|ndrc|investment-approval")], CancellationToken.None);

        var created = await recorder.RecordAsync(
            [AlertHarness.Notice(2, eventKey: "v2|xiaomi-ev|ndrc|investment-approval|company") with { LegacyEventKey = "xiaomi-ev|ndrc|investment-approval" }],
            CancellationToken.None);

        Assert.Equal(0, created);
        var alert = Assert.Single(h.Outbox.All);
        Assert.Equal(2, alert.Sources.Count);
    }
}
