using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsWatch.Cli.Sample;

/// <summary>Serves the <see cref="SampleSite"/> on loopback with Kestrel.</summary>
internal sealed class SampleSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleSiteServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Starts the server; port 0 picks a free one (tests), a fixed port keeps URLs stable across runs (demo).</summary>
    public static async Task<SampleSiteServer> StartAsync(SampleSite site, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/feed.xml", (HttpContext ctx) =>
            Results.Text(site.RenderFeed(new Uri($"{ctx.Request.Scheme}://{ctx.Request.Host}/")), "application/rss+xml; charset=utf-8"));
        app.MapGet("/broken.xml", () => Results.Text(SampleSite.RenderBrokenFeed(), "application/rss+xml; charset=utf-8"));
        app.MapGet("/news/{slug}.html", (string slug) =>
            site.RenderPage(slug) is { } html ? Results.Text(html, "text/html; charset=utf-8") : Results.NotFound());
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"the offline sample site cannot listen on 127.0.0.1:{port} ({ex.Message}); set NewsWatch:Sample:Port to a free port", ex);
        }

        // With port 0 only the server knows which port it got.
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SampleSiteServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
