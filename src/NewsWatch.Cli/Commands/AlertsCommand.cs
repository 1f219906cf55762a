using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Alerts;
using NewsWatch.Cli.Local;
using NewsWatch.Infrastructure.Alerts;
using NewsWatch.Infrastructure.Composition;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// What the <c>alerts …</c> commands share: the configuration, Azurite if the config needs it and none runs, and
/// the services (the same registrations as the pipeline), all released on dispose.
/// </summary>
internal sealed class AlertsCommand : IAsyncDisposable
{
    private readonly LocalEnvironment _environment;
    private readonly ServiceProvider _services;

    private AlertsCommand(LocalEnvironment environment, ServiceProvider services)
    {
        _environment = environment;
        _services = services;
    }

    public IAlertOutbox Outbox => _services.GetRequiredService<IAlertOutbox>();

    public AlertDispatcher Dispatcher => _services.GetRequiredService<AlertDispatcher>();

    public static async Task<AlertsCommand> OpenAsync(CliContext context, CliArguments args, CancellationToken cancellationToken)
    {
        var configFile = args.Get("config") is { } c ? context.ResolvePath(c) : null;
        var config = LocalConfiguration.Load(configFile);
        config["NewsWatch:Sample:SeedsDirectory"] = null; // these commands read and send alerts only
        var environment = await LocalEnvironment.StartAsync(config, TextWriter.Null, cancellationToken);
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(args.Has("verbose") ? LogLevel.Information : LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true))
            .AddNewsWatch(config)
            .AddNewsWatchAlerts(config)
            .BuildServiceProvider();
        return new AlertsCommand(environment, services);
    }

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

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _environment.DisposeAsync();
    }
}
