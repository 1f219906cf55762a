using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Alerts;
using NewsWatch.Infrastructure.Alerts;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Testing.Azurite;
using NewsWatch.Testing.Smtp;

namespace NewsWatch.Integration.Tests.Alerts;

/// <summary>
/// One NewsWatch "instance" as the lead wires it (AddNewsWatch + AddNewsWatchAlerts) on the real Azurite, with
/// the test's clock. Several instances built with the same table name share one outbox, like several Functions
/// hosts sharing a storage account.
/// </summary>
internal static class AlertTestHost
{
    public const string From = "NewsWatch Alerts <alerts@newswatch.example>";
    public static readonly string[] Recipients = ["ev-team@example.com", "cfo@example.com"];

    public static string NewTable() => AzuriteFixture.UniqueName("alerts");

    public static Dictionary<string, string?> SmtpSettings(SmtpSink sink, bool ssl = false, string? user = null, string? password = null) => new()
    {
        ["NewsWatch:Alerts:Smtp:Host"] = SmtpSink.Host,
        ["NewsWatch:Alerts:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NewsWatch:Alerts:Smtp:EnableSsl"] = ssl ? "true" : "false",
        ["NewsWatch:Alerts:Smtp:UserName"] = user,
        ["NewsWatch:Alerts:Smtp:Password"] = password,
        ["NewsWatch:Alerts:Smtp:Timeout"] = "00:00:10",
        ["NewsWatch:Alerts:Smtp:PinnedCertificateSha256"] = sink.Certificate?.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
    };

    public static ServiceProvider Build(AzuriteFixture azurite, string table, TimeProvider time, IDictionary<string, string?> settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["NewsWatch:Alerts:Table"] = table,
            ["NewsWatch:Alerts:From"] = From,
            ["NewsWatch:Alerts:Recipients:0"] = Recipients[0],
            ["NewsWatch:Alerts:Recipients:1"] = Recipients[1],
            ["NewsWatch:Fetch:AllowPrivateNetworks"] = "true", // article pages are served on loopback
        };
        foreach (var (k, v) in settings)
        {
            values[k] = v;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddNewsWatch(config)
            .AddNewsWatchAlerts(config)
            .AddSingleton(time)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public static ApprovalNotice Notice(int article, string status = "granted", DateTimeOffset? seenAt = null) => new(
        "xiaomi-ev|NDRC|production-approval",
        "Xiaomi EV",
        "NDRC",
        "production-approval",
        status,
        "Xiaomi has obtained approval from the National Development and Reform Commission (NDRC) to produce electric vehicles.",
        $"a{article:D3}",
        new Uri($"https://outlet{article}.example/news/xiaomi-ndrc-approval"),
        $"Xiaomi gets NDRC approval to produce EVs ({article})",
        $"Outlet {article}",
        new DateTimeOffset(2023, 8, 23, 8, 30, 0, TimeSpan.Zero),
        seenAt ?? new DateTimeOffset(2023, 8, 23, 9, article, 0, TimeSpan.Zero));

    public static async Task<List<AlertRecord>> AllAsync(IServiceProvider sp)
    {
        var list = new List<AlertRecord>();
        await foreach (var r in sp.GetRequiredService<IAlertOutbox>().ListAsync(unsentOnly: false))
        {
            list.Add(r);
        }

        return list;
    }
}
