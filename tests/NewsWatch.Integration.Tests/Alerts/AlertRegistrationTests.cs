using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Infrastructure.Alerts;
using NewsWatch.Infrastructure.Composition;

namespace NewsWatch.Integration.Tests.Alerts;

/// <summary>What AddNewsWatchAlerts picks from configuration (no storage or server is contacted).</summary>
public sealed class AlertRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddNewsWatch(config).AddNewsWatchAlerts(config).AddNewsWatchAlerts(config).BuildServiceProvider();
    }

    [Fact]
    public void Without_an_smtp_host_alerts_go_to_the_pickup_folder_and_only_granted_alerts()
    {
        using var sp = Build(new() { ["NewsWatch:Alerts:Recipients:0"] = "a@example.com" });

        var sender = sp.GetRequiredService<IAlertSender>();
        Assert.IsType<PickupDirectoryAlertSender>(sender);
        Assert.Equal(Path.GetFullPath(Path.Combine(".newswatch", "outbox")), sender.Destination.Address);
        var options = sp.GetRequiredService<IOptions<AlertOptions>>().Value;
        Assert.Equal(["granted"], options.EffectiveStatuses);
        Assert.Equal(["a@example.com"], options.Recipients); // registered twice, bound once
        Assert.Same(sp.GetRequiredService<AlertRecorder>(), sp.GetRequiredService<IAlertRecorder>());
        Assert.Same(sp.GetRequiredService<AlertDispatcher>(), sp.GetRequiredService<IAlertDelivery>());
    }

    [Fact]
    public void An_smtp_host_selects_smtp_and_requires_recipients()
    {
        using var ok = Build(new()
        {
            ["NewsWatch:Alerts:Smtp:Host"] = "smtp.azurecomm.net",
            ["NewsWatch:Alerts:Smtp:Password"] = "secret-never-shown",
            ["NewsWatch:Alerts:Recipients:0"] = "a@example.com",
            ["NewsWatch:Alerts:Statuses:0"] = "granted",
            ["NewsWatch:Alerts:Statuses:1"] = "pending",
        });
        var sender = ok.GetRequiredService<IAlertSender>();
        Assert.IsType<SmtpAlertSender>(sender);
        Assert.Equal("smtp smtp.azurecomm.net:587", sender.Destination.ToString());
        Assert.Equal(["granted", "pending"], ok.GetRequiredService<IOptions<AlertOptions>>().Value.EffectiveStatuses.Order(StringComparer.Ordinal));

        using var missing = Build(new() { ["NewsWatch:Alerts:Smtp:Host"] = "smtp.azurecomm.net" });
        var error = Assert.Throws<OptionsValidationException>(() => missing.GetRequiredService<IAlertSender>());
        Assert.Contains("Recipients", error.Message, StringComparison.Ordinal);
    }
}
