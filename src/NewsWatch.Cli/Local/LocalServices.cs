using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Infrastructure.Composition;

namespace NewsWatch.Cli.Local;

/// <summary>What a local command adds to the shared set-up of <see cref="LocalServices"/>.</summary>
internal sealed class LocalServicesSetup
{
    /// <summary>The file given with <c>--config</c>, already resolved; null for the default config.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Where the environment says what it started (Azurite, the sample site).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>
    /// True for commands that only read storage or send alerts: they must not start (or fail on the port of) the
    /// offline sample site that a sample config names.
    /// </summary>
    public bool StorageOnly { get; init; }

    public Action<ILoggingBuilder> Logging { get; init; } = _ => { };

    /// <summary>Registrations beyond the pipeline's own, given the loaded configuration.</summary>
    public Action<IServiceCollection, IConfiguration> Services { get; init; } = (_, _) => { };

    public bool ValidateOnBuild { get; init; }
}

/// <summary>
/// The local stand-in for a Functions app instance: configuration loaded the local way, the
/// <see cref="LocalEnvironment"/> it needs (Azurite, sample site) and the pipeline's services on top of it. The
/// services are disposed before the environment they talk to.
/// </summary>
internal sealed class LocalServices : IAsyncDisposable
{
    private readonly LocalEnvironment _environment;
    private readonly ServiceProvider _provider;

    private LocalServices(LocalEnvironment environment, ServiceProvider provider)
    {
        _environment = environment;
        _provider = provider;
    }

    public T GetRequiredService<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static async Task<LocalServices> BuildAsync(LocalServicesSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var config = LocalConfiguration.Load(setup.ConfigFile);
        if (setup.StorageOnly)
        {
            config["NewsWatch:Sample:SeedsDirectory"] = null;
        }

        var environment = await LocalEnvironment.StartAsync(config, setup.Log, cancellationToken);
        try
        {
            var services = new ServiceCollection().AddLogging(setup.Logging).AddNewsWatch(config);
            setup.Services(services, config);
            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = setup.ValidateOnBuild });
            return new LocalServices(environment, provider);
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _environment.DisposeAsync();
    }
}
