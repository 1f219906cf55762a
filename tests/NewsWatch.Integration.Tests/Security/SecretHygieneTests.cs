using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Cli.Local;
using NewsWatch.LocalDev;
using NewsWatch.Pipeline;
using NewsWatch.Testing.Azurite;
using NewsWatch.Testing.Http;
using NewsWatch.Testing.Smtp;

namespace NewsWatch.Integration.Tests.Security;

/// <summary>
/// Known secrets (the storage account key inside the connection string, a wrong storage key, the SMTP password) are
/// set, the pipeline runs into the failures that tempt code to print them (SMTP auth refused, storage refusing the
/// key), and then every log line, exception, status answer and stored row is searched for them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SecretHygieneTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SmtpPassword = "NW-smtp-Pa55-9f2c71";
    private const string WrongStorageKey = "TlctZmFrZS1zdG9yYWdlLWtleS0wMDQyLWRvLW5vdC1sZWFr";

    private LoopbackHttpServer _site = null!;
    private SmtpSink _smtp = null!;

    public async Task InitializeAsync()
    {
        _site = await LoopbackHttpServer.StartAsync();
        _smtp = await SmtpSink.StartAsync(new SmtpSinkOptions { StartTls = true, UserName = "acs-user", Password = "the-right-one" });
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task No_secret_appears_in_logs_errors_status_or_stored_rows()
    {
        _site.Serve("/ndrc.html", """
            <!doctype html><html><head><title>Xiaomi wins NDRC approval</title></head><body><article><h1>Xiaomi wins NDRC approval</h1>
            <p>Xiaomi has received approval from the National Development and Reform Commission for its electric vehicle project, the planner said.</p>
            <p>The approval allows Xiaomi to build cars at its Beijing plant, with capacity of 150,000 vehicles a year in the first phase of the project.</p>
            </article></body></html>
            """);
        _site.Serve("/feed.xml", $"<rss version=\"2.0\"><channel><item><title>x</title><link>{_site.Url("/ndrc.html")}</link></item></channel></rss>", "application/rss+xml");
        var logs = new RecordingLoggerProvider();
        var scope = PipelineServices.NewScope();
        var settings = new Dictionary<string, string?>
        {
            ["NewsWatch:Feeds:0:Id"] = "secrets",
            ["NewsWatch:Feeds:0:Url"] = _site.Url("/feed.xml").AbsoluteUri,
            ["NewsWatch:Alerts:Recipients:0"] = "analyst@example.com",
            ["NewsWatch:Alerts:Smtp:Host"] = SmtpSink.Host,
            ["NewsWatch:Alerts:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewsWatch:Alerts:Smtp:EnableSsl"] = "true",
            ["NewsWatch:Alerts:Smtp:UserName"] = "acs-user",
            ["NewsWatch:Alerts:Smtp:Password"] = SmtpPassword,
            ["NewsWatch:Alerts:Smtp:PinnedCertificateSha256"] = _smtp.Certificate!.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
        };
        void Logging(ILoggingBuilder b) => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        var seen = new List<string>();

        await using (var sp = PipelineServices.Build(azurite, scope, settings, logging: Logging))
        {
            var runner = sp.GetRequiredService<LocalRunner>();
            await runner.RunOnceAsync(CancellationToken.None);
            Assert.Equal(1, runner.Summary.FinalAlerts!.Failed + runner.Summary.FinalAlerts.Pending); // auth refused: kept pending
            seen.Add(JsonSerializer.Serialize(await sp.GetRequiredService<StatusReporter>().BuildAsync()));
        }

        var wrongKey = azurite.ConnectionString.Replace(AzuriteLauncher.DevelopmentAccountKey, WrongStorageKey, StringComparison.Ordinal);
        Assert.NotEqual(azurite.ConnectionString, wrongKey);
        await using (var sp = PipelineServices.Build(azurite, scope, new Dictionary<string, string?>(settings) { ["AzureWebJobsStorage"] = wrongKey }, logging: Logging))
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => sp.GetRequiredService<StatusReporter>().BuildAsync());
            Assert.Contains("devstoreaccount1", refused.Message, StringComparison.Ordinal); // the account is named, the key is not
            seen.Add(refused.ToString());
        }

        var tables = new TableServiceClient(azurite.ConnectionString);
        var rows = 0;
        await foreach (var table in tables.QueryAsync())
        {
            if (!table.Name.Contains(scope, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                seen.Add(string.Join('|', row.Select(p => $"{p.Key}={p.Value}")));
                rows++;
            }
        }

        seen.AddRange(logs.Lines);
        Assert.True(rows >= 3, $"only {rows} rows to search");
        Assert.Contains(logs.Lines, l => l.Contains("authentication", StringComparison.OrdinalIgnoreCase) || l.Contains("auth", StringComparison.Ordinal));
        foreach (var secret in new[] { AzuriteLauncher.DevelopmentAccountKey, WrongStorageKey, SmtpPassword, azurite.ConnectionString, wrongKey })
        {
            var leaks = seen.Where(s => s.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"secret found {leaks.Count} times, first: {leaks.FirstOrDefault()?[..Math.Min(300, leaks[0].Length)]}");
        }
    }
}
