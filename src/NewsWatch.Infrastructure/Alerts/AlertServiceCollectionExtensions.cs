using MimeKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Infrastructure.Storage;

namespace NewsWatch.Infrastructure.Alerts;

/// <summary>Registers approval alerts: the Table outbox, the sender (SMTP if a host is set, else the pickup folder) and the service.</summary>
public static class AlertServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IAlertRecorder"/>, <see cref="IAlertDelivery"/> and what they need, from section "NewsWatch:Alerts". Needs the storage
    /// registrations of <c>AddNewsWatch</c> (<see cref="StorageClients"/>). Calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddNewsWatchAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(IAlertRecorder)))
        {
            // Binding the section twice would append list entries (recipients) a second time.
            return services;
        }

        var section = configuration.GetSection(AlertOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AlertOptions>()
            .Bind(section)
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "NewsWatch:Alerts:From is not an email address")
            .Validate(o => o.Recipients.All(r => MailboxAddress.TryParse(r, out _)), "NewsWatch:Alerts:Recipients holds an entry that is not an email address")
            .Validate(o => o.SendLease > TimeSpan.Zero && o.InitialRetryDelay > TimeSpan.Zero, "NewsWatch:Alerts: SendLease and InitialRetryDelay must be positive")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        services.AddOptions<AlertTransportOptions>()
            .Configure(o => o.PickupDirectory = AlertTransportOptions.DefaultPickupDirectory(configuration["NewsWatch:Local:DataDirectory"]))
            .Bind(section)
            .Validate<IOptions<AlertOptions>>(
                (t, a) => !t.UsesSmtp || a.Value.Recipients.Count > 0,
                "NewsWatch:Alerts:Recipients must list at least one address when NewsWatch:Alerts:Smtp:Host is set")
            .Validate<IOptions<AlertOptions>>(
                (t, a) => !t.UsesSmtp || t.Smtp.Timeout < a.Value.SendLease,
                "NewsWatch:Alerts:Smtp:Timeout must be shorter than NewsWatch:Alerts:SendLease, or a slow send could be repeated by another instance")
            .Validate(t => t.Smtp.Port is > 0 and < 65536, "NewsWatch:Alerts:Smtp:Port must be 1-65535")
            .ValidateOnStart();

        services.AddSingleton<IAlertOutbox>(sp => new TableAlertOutbox(
            sp.GetRequiredService<StorageClients>().Table(sp.GetRequiredService<IOptions<AlertTransportOptions>>().Value.Table)));
        services.AddSingleton<IAlertSender>(sp =>
        {
            var transport = sp.GetRequiredService<IOptions<AlertTransportOptions>>();
            return transport.Value.UsesSmtp ? new SmtpAlertSender(transport) : new PickupDirectoryAlertSender(transport);
        });
        services.AddSingleton<AlertEmailComposer>();
        services.AddSingleton<AlertRecorder>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<IAlertRecorder>(sp => sp.GetRequiredService<AlertRecorder>());
        services.AddSingleton<IAlertDelivery>(sp => sp.GetRequiredService<AlertDispatcher>());
        return services;
    }
}
