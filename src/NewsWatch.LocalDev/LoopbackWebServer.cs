using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsWatch.LocalDev;

/// <summary>
/// Kestrel on 127.0.0.1 for the stand-ins of real web sites (the offline sample site, the startup benchmark's news
/// site, the tests' scripted site): no logging, no host configuration, and the address it really got.
/// </summary>
public sealed class LoopbackWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackWebServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The root of the site, ending in a slash so relative paths resolve below it.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts the server; port 0 picks a free one.</summary>
    /// <param name="port">The port to listen on, 0 for any free one.</param>
    /// <param name="mapSite">Maps the site's routes or its one request handler onto the app before it starts.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<LoopbackWebServer> StartAsync(int port, Action<WebApplication> mapSite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapSite);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        try
        {
            mapSite(app);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // With port 0 only the server knows which port it got.
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackWebServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
