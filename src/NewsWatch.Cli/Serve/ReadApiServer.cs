using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.Web;

namespace NewsWatch.Cli.Serve;

/// <summary>
/// The read API and dashboard on a local Kestrel, loopback only: the same handlers and registrations as the
/// Functions app's HTTP triggers, without function keys (nothing but this machine can reach it).
/// </summary>
internal sealed class ReadApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReadApiServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Signalled when the host itself stops (SIGTERM reaches its console lifetime before our token does).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <param name="port">0 picks a free port.</param>
    public static async Task<ReadApiServer> StartAsync(IConfiguration config, int port, Action<ILoggingBuilder> logging, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        logging(builder.Logging);
        builder.Services.AddNewsWatch(config).AddNewsWatchReadApi();
        var app = builder.Build();
        app.MapNewsWatchReadApi();
        try
        {
            await app.Services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReadApiServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
