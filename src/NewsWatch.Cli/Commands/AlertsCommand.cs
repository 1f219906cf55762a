using Microsoft.Extensions.Logging;
using NewsWatch.Alerts;
using NewsWatch.Cli.Local;
using NewsWatch.Infrastructure.Alerts;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// What the <c>alerts …</c> commands share: the configuration, Azurite if the config needs it and none runs, and
/// the services (the same registrations as the pipeline), all released on dispose.
/// </summary>
internal sealed class AlertsCommand : IAsyncDisposable
{
    private readonly LocalServices _services;

    private AlertsCommand(LocalServices services) => _services = services;

    public IAlertOutbox Outbox => _services.GetRequiredService<IAlertOutbox>();

    public AlertDispatcher Dispatcher => _services.GetRequiredService<AlertDispatcher>();

    public static async Task<AlertsCommand> OpenAsync(CliContext context, CliArguments args, CancellationToken cancellationToken) =>
        new(await LocalServices.BuildAsync(
            new LocalServicesSetup
            {
                ConfigFile = args.Get("config") is { } c ? context.ResolvePath(c) : null,
                StorageOnly = true, // these commands read and send alerts only
                Logging = b => b.SetMinimumLevel(args.Has("verbose") ? LogLevel.Information : LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true),
                Services = (s, config) => s.AddNewsWatchAlerts(config),
            },
            cancellationToken));

    /// <summary>Resolves what the user typed (id, id prefix, alert key or event key) to exactly one alert.</summary>
    public async Task<AlertRecord> FindOneAsync(string key, CancellationToken cancellationToken)
    {
        var matches = await Outbox.FindAsync(key, cancellationToken);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliUsageException($"no alert matches '{key}' (see newswatch alerts list)"),
            _ => throw new CliUsageException(
                $"'{key}' matches {matches.Count} alerts ({string.Join(", ", matches.Select(m => m.Id[..12]))}); give the id or the full alert key"),
        };
    }

    public static string Time(DateTimeOffset? t) =>
        t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "-";

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
