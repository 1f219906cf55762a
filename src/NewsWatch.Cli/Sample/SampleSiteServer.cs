using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsWatch.LocalDev;

namespace NewsWatch.Cli.Sample;

/// <summary>Serves the <see cref="SampleSite"/> on loopback with Kestrel.</summary>
internal sealed class SampleSiteServer : IAsyncDisposable
{
    private readonly LoopbackWebServer _server;

    private SampleSiteServer(LoopbackWebServer server) => _server = server;

    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>Starts the server; port 0 picks a free one (tests), a fixed port keeps URLs stable across runs (demo).</summary>
    public static async Task<SampleSiteServer> StartAsync(SampleSite site, int port, CancellationToken cancellationToken)
    {
        try
        {
            return new SampleSiteServer(await LoopbackWebServer.StartAsync(port, app => Map(app, site), cancellationToken));
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"the offline sample site cannot listen on 127.0.0.1:{port} ({ex.Message}); set NewsWatch:Sample:Port to a free port", ex);
        }
    }

    private static void Map(WebApplication app, SampleSite site)
    {
        app.MapGet("/feed.xml", (HttpContext ctx) =>
            Results.Text(site.RenderFeed(new Uri($"{ctx.Request.Scheme}://{ctx.Request.Host}/")), "application/rss+xml; charset=utf-8"));
        app.MapGet("/broken.xml", () => Results.Text(SampleSite.RenderBrokenFeed(), "application/rss+xml; charset=utf-8"));
        app.MapGet("/news/{slug}.html", (string slug) =>
            site.RenderPage(slug) is { } html ? Results.Text(html, "text/html; charset=utf-8") : Results.NotFound());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
