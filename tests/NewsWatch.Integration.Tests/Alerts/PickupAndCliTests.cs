using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Alerts;
using NewsWatch.Cli.Local;
using NewsWatch.Integration.Tests.Cli;
using NewsWatch.Testing.Alerts;
using NewsWatch.Testing.Azurite;
using NewsWatch.Testing.Smtp;
using NewsWatch.Testing.Time;

namespace NewsWatch.Integration.Tests.Alerts;

/// <summary>The local default (a pickup folder of .eml files) and the <c>newswatch alerts</c> commands.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PickupAndCliTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newswatch-outbox-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Dictionary<string, string?> Pickup() => new() { ["NewsWatch:Alerts:PickupDirectory"] = _folder };

    private string[] EmlFiles() => Directory.GetFiles(_folder, "*.eml");

    [Fact]
    public async Task Without_an_smtp_host_the_alert_is_one_eml_file_in_the_folder_the_report_names()
    {
        await using var sp = AlertTestHost.Build(azurite, AlertTestHost.NewTable(), new ManualTimeProvider(), Pickup());
        var alerts = AlertsUnderTest.From(sp);

        await alerts.RecordAsync([AlertTestHost.Notice(1), AlertTestHost.Notice(2), AlertTestHost.Notice(3, "pending")], CancellationToken.None);
        var report = await alerts.DeliverPendingAsync(CancellationToken.None);
        await alerts.RecordAsync([AlertTestHost.Notice(4)], CancellationToken.None);
        var again = await alerts.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(_folder, report.PickupDirectory);
        Assert.Equal((1, 0), (report.Sent, again.Sent));
        var file = Assert.Single(EmlFiles());
        var stored = Assert.Single(await AlertTestHost.AllAsync(sp));
        Assert.Equal($"newswatch.alert.{stored.Id}.eml", Path.GetFileName(file));
        Assert.Equal("written " + file, stored.DeliveryReply);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));

        var mail = ReceivedMail.Parse(await File.ReadAllBytesAsync(file), null, [], secure: false, user: null);
        Assert.Equal("Xiaomi EV: NDRC approval granted (reported)", mail.Header("Subject"));
        Assert.Equal($"<newswatch.alert.{stored.Id}@newswatch.example>", mail.Header("Message-ID"));
        Assert.Contains("https://outlet2.example/news/xiaomi-ndrc-approval", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Sources (2)", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_delivery_replaces_its_own_file_and_a_deliberate_resend_adds_a_new_one()
    {
        await using var sp = AlertTestHost.Build(azurite, AlertTestHost.NewTable(), new ManualTimeProvider(), Pickup());
        await sp.GetRequiredService<IAlertRecorder>().RecordAsync([AlertTestHost.Notice(1)], CancellationToken.None);
        var record = Assert.Single(await AlertTestHost.AllAsync(sp));
        var email = sp.GetRequiredService<AlertEmailComposer>().Compose(record);
        var sender = sp.GetRequiredService<IAlertSender>();

        await sender.SendAsync(email, CancellationToken.None);
        await sender.SendAsync(email, CancellationToken.None);
        Assert.Single(EmlFiles());

        await sp.GetRequiredService<AlertDispatcher>().ResendAsync(record.Id, CancellationToken.None); // never delivered: same name
        Assert.Single(EmlFiles());
        await sp.GetRequiredService<AlertDispatcher>().ResendAsync(record.Id, CancellationToken.None); // delivered: generation r1
        Assert.Equal(
            [$"newswatch.alert.{record.Id}.eml", $"newswatch.alert.{record.Id}.r1.eml"],
            EmlFiles().Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Alerts_list_shows_the_outbox_and_alerts_resend_sends_one_again()
    {
        var table = AlertTestHost.NewTable();
        await using (var sp = AlertTestHost.Build(azurite, table, TimeProvider.System, Pickup()))
        {
            var alerts = AlertsUnderTest.From(sp);
            await alerts.RecordAsync([AlertTestHost.Notice(1), AlertTestHost.Notice(2)], CancellationToken.None);
            await alerts.DeliverPendingAsync(CancellationToken.None);
        }

        var config = Path.Combine(_folder, "newswatch.json");
        await File.WriteAllTextAsync(config, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["NewsWatch"] = new Dictionary<string, object>
            {
                ["Alerts"] = new Dictionary<string, object> { ["Table"] = table, ["PickupDirectory"] = _folder },
            },
        }));
        var id = Assert.Single(EmlFiles()).Split("newswatch.alert.")[1][..32];

        var (listCode, listed, _) = await RunAsync("alerts", "list", "--config", config);
        var (resendCode, resent, _) = await RunAsync("alerts", "resend", id[..8], "--config", config);
        var (missingCode, _, missing) = await RunAsync("alerts", "resend", "--key", "no-such-event", "--config", config);

        Assert.Equal(0, listCode);
        Assert.Contains($"delivery: pickup {_folder}", listed, StringComparison.Ordinal);
        Assert.Contains($"{id}  sent     Xiaomi EV: NDRC approval granted (reported)", listed, StringComparison.Ordinal);
        Assert.Contains("key xiaomi-ev|NDRC|production-approval|granted", listed, StringComparison.Ordinal);
        Assert.Contains("sources 2", listed, StringComparison.Ordinal);
        Assert.Contains("https://outlet2.example/news/xiaomi-ndrc-approval", listed, StringComparison.Ordinal);
        Assert.Equal(0, resendCode);
        Assert.Contains($"resent alert {id}", resent, StringComparison.Ordinal);
        Assert.Equal(2, EmlFiles().Length);
        Assert.Equal(2, missingCode);
        Assert.Contains("no alert matches 'no-such-event'", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_without_storage_settings_is_a_one_line_error_not_a_stack_trace()
    {
        var config = Path.Combine(_folder, "no-storage.json");
        await File.WriteAllTextAsync(config, """{ "NewsWatch": { "Feeds": [ { "Id": "f", "Url": "http://127.0.0.1:9/feed.xml" } ] } }""");

        var (code, _, error) = await RunAsync("status", "--config", config);

        Assert.Equal(1, code);
        Assert.StartsWith("newswatch status: Storage is not configured: set 'AzureWebJobsStorage'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_run_summary_reports_a_pickup_folder_that_was_never_created_as_no_emails_yet()
    {
        // The sender creates the folder with its first email, so a run that has sent nothing names a missing one.
        var missing = Path.Combine(_folder, "never-created");

        var text = RunSummaryText(missing);

        Assert.Contains($"alert emails:      {missing} (none yet)", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void The_run_summary_counts_only_the_eml_files_in_the_pickup_folder()
    {
        File.WriteAllText(Path.Combine(_folder, "newswatch.alert.a.eml"), "");
        File.WriteAllText(Path.Combine(_folder, "newswatch.alert.b.eml"), "");
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "");

        Assert.Contains($"alert emails:      {_folder} (2 .eml files)", RunSummaryText(_folder), StringComparison.Ordinal);
    }

    private static string RunSummaryText(string pickupFolder)
    {
        var summary = new RunSummary
        {
            FinalAlerts = new AlertDeliveryReport(0, 0, 0, 0, new AlertDestination(AlertDestination.PickupKind, pickupFolder)),
        };
        using var writer = new StringWriter();
        summary.WriteTo(writer, poisoned: 0);
        return writer.ToString();
    }

    private Task<(int Code, string Out, string Error)> RunAsync(params string[] args) => CliRunner.RunAsync(_folder, args);
}
