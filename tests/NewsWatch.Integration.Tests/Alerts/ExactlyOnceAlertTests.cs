using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Alerts;
using NewsWatch.Testing.Alerts;
using NewsWatch.Testing.Azurite;
using NewsWatch.Testing.Smtp;
using NewsWatch.Testing.Time;

namespace NewsWatch.Integration.Tests.Alerts;

/// <summary>The fault cases, each against the real Table outbox on Azurite and a real SMTP server.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExactlyOnceAlertTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Five_articles_processed_by_two_concurrent_workers_with_redelivered_messages_give_exactly_one_email()
    {
        await using var sink = await SmtpSink.StartAsync();
        var time = new ManualTimeProvider();
        var table = AlertTestHost.NewTable();
        await using var workerA = AlertTestHost.Build(azurite, table, time, AlertTestHost.SmtpSettings(sink));
        await using var workerB = AlertTestHost.Build(azurite, table, time, AlertTestHost.SmtpSettings(sink));

        // Each message is what ProcessArticle does per article: record, then deliver. Both workers get all five
        // articles (in opposite orders) and some messages twice, as after a visibility-timeout redelivery.
        int[] orderA = [1, 2, 3, 4, 5, 2, 4];
        int[] orderB = [5, 4, 3, 2, 1, 1, 3];
        var reports = await Task.WhenAll(
            RunWorkerAsync(AlertsUnderTest.From(workerA), orderA),
            RunWorkerAsync(AlertsUnderTest.From(workerB), orderB));

        // The PollFeeds sweep afterwards on both instances finds nothing left to send.
        await workerA.GetRequiredService<IAlertDelivery>().DeliverPendingAsync(CancellationToken.None);
        await workerB.GetRequiredService<IAlertDelivery>().DeliverPendingAsync(CancellationToken.None);

        var mail = Assert.Single(await sink.WaitForMessagesAsync(1));
        Assert.Equal(1, reports.SelectMany(r => r).Sum(r => r.Sent));
        var alert = Assert.Single(await AlertTestHost.AllAsync(workerA));
        Assert.Equal(AlertDeliveryState.Sent, alert.State);
        Assert.Equal(["a001", "a002", "a003", "a004", "a005"], alert.Sources.Select(s => s.ArticleKey).Order(StringComparer.Ordinal));
        Assert.Equal("Xiaomi EV: NDRC approval granted (reported)", mail.Header("Subject"));
        await Task.Delay(200); // a late second message would have arrived by now
        Assert.Single(sink.Messages);
    }

    private static async Task<List<AlertDeliveryReport>> RunWorkerAsync(AlertsUnderTest alerts, int[] articles)
    {
        var reports = new List<AlertDeliveryReport>();
        foreach (var n in articles)
        {
            await alerts.RecordAsync([AlertTestHost.Notice(n)], CancellationToken.None);
            reports.Add(await alerts.DeliverPendingAsync(CancellationToken.None));
        }

        return reports;
    }

    [Fact]
    public async Task A_crash_between_send_and_mark_sent_resends_after_the_lease_with_the_same_idempotency_headers()
    {
        await using var sink = await SmtpSink.StartAsync();
        var time = new ManualTimeProvider();
        var table = AlertTestHost.NewTable();

        // Instance 1 sends, then "dies" when it tries to write "sent".
        await using (var crashing = AlertTestHost.Build(azurite, table, time, AlertTestHost.SmtpSettings(sink)))
        {
            var outbox = new CrashBeforeSentOutbox(crashing.GetRequiredService<IAlertOutbox>());
            var dispatcher = ActivatorUtilities.CreateInstance<AlertDispatcher>(crashing, (IAlertOutbox)outbox);
            await crashing.GetRequiredService<IAlertRecorder>().RecordAsync([AlertTestHost.Notice(1)], CancellationToken.None);

            await Assert.ThrowsAsync<SimulatedCrashException>(() => dispatcher.DeliverPendingAsync(CancellationToken.None));
        }

        Assert.Single(await sink.WaitForMessagesAsync(1));
        await using var survivor = AlertTestHost.Build(azurite, table, time, AlertTestHost.SmtpSettings(sink));
        var alerts = AlertsUnderTest.From(survivor);
        var stuck = Assert.Single(await AlertTestHost.AllAsync(survivor));
        Assert.Equal(AlertDeliveryState.Sending, stuck.State);

        // While the dead instance's lease could still be live, nobody sends.
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, (await alerts.DeliverPendingAsync(CancellationToken.None)).Sent);

        // Once it has expired, the survivor takes over: at-least-once, the documented direction.
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await alerts.DeliverPendingAsync(CancellationToken.None)).Sent);
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await alerts.DeliverPendingAsync(CancellationToken.None)).Sent);

        var copies = await sink.WaitForMessagesAsync(2);
        Assert.Equal(2, copies.Count);
        Assert.Single(copies.Select(m => m.Header("Message-ID")).Distinct());
        Assert.Single(copies.Select(m => m.Header("X-NewsWatch-Alert-Key")).Distinct());
        Assert.Equal($"<newswatch.alert.{stuck.Id}@newswatch.example>", copies[0].Header("Message-ID"));
        var done = Assert.Single(await AlertTestHost.AllAsync(survivor));
        Assert.Equal((AlertDeliveryState.Sent, 2, 1), (done.State, done.Attempts, done.Deliveries));
    }

    [Fact]
    public async Task The_table_outbox_enforces_first_claim_and_etag_guarded_updates()
    {
        await using var sp = AlertTestHost.Build(azurite, AlertTestHost.NewTable(), new ManualTimeProvider(), new Dictionary<string, string?>());
        var outbox = sp.GetRequiredService<IAlertOutbox>();
        var record = AlertStateMachine.Create(AlertTestHost.Notice(1), DateTimeOffset.UnixEpoch);

        var v1 = await outbox.TryAddAsync(record);
        Assert.NotNull(v1);
        Assert.Null(await outbox.TryAddAsync(record));

        var read = (await outbox.GetAsync(record.Id))!;
        Assert.Equal(record.AlertKey, read.AlertKey);
        Assert.Equal(record.Sources, read.Sources);
        var v2 = await outbox.TryReplaceAsync(read with { Attempts = 1 });
        Assert.NotNull(v2);
        Assert.NotEqual(v1, v2);
        Assert.Null(await outbox.TryReplaceAsync(read with { Attempts = 99 }));
        Assert.Equal(1, (await outbox.GetAsync(record.Id))!.Attempts);
        Assert.Null(await outbox.GetAsync("no/such'key"));
    }

    private sealed class SimulatedCrashException() : Exception("process killed between the SMTP send and writing 'sent'");

    /// <summary>Passes everything through, except that writing the "sent" state kills the "process".</summary>
    private sealed class CrashBeforeSentOutbox(IAlertOutbox inner) : IAlertOutbox
    {
        public Task<string?> TryAddAsync(AlertRecord record, CancellationToken cancellationToken = default) => inner.TryAddAsync(record, cancellationToken);

        public Task<AlertRecord?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

        public Task<string?> TryReplaceAsync(AlertRecord record, CancellationToken cancellationToken = default) =>
            record.State == AlertDeliveryState.Sent ? throw new SimulatedCrashException() : inner.TryReplaceAsync(record, cancellationToken);

        public async IAsyncEnumerable<AlertRecord> ListAsync(bool unsentOnly, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var r in inner.ListAsync(unsentOnly, cancellationToken))
            {
                yield return r;
            }
        }
    }
}
