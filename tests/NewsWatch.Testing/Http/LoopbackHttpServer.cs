using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsWatch.LocalDev;

namespace NewsWatch.Testing.Http;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, free port) whose answers a test sets per path, and which
/// counts the requests it got: feeds, pages, failures and slow answers without any live site.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly LoopbackWebServer _server;

    private LoopbackHttpServer(LoopbackWebServer server) => _server = server;

    public Uri BaseUrl => _server.BaseUrl;

    public static async Task<LoopbackHttpServer> StartAsync()
    {
        // Nobody can send a request before the port is known, so server is set before the first one arrives.
        LoopbackHttpServer? server = null;
        server = new LoopbackHttpServer(await LoopbackWebServer.StartAsync(0, app => app.Run(ctx => server!.AnswerAsync(ctx))));
        return server;
    }

    private async Task AnswerAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (_routes.TryGetValue(path, out var handler))
        {
            await handler(ctx);
        }
        else
        {
            ctx.Response.StatusCode = 404;
        }
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public void Serve(string path, string body, string contentType = "text/html; charset=utf-8", int status = 200) =>
        _routes[Normalize(path)] = async ctx =>
        {
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = contentType;
            await ctx.Response.WriteAsync(body);
        };

    public void Serve(string path, Func<HttpContext, Task> handler) => _routes[Normalize(path)] = handler;

    public int Hits(string path) => _hits.TryGetValue(Normalize(path), out var n) ? n : 0;

    private static string Normalize(string path) => path.StartsWith('/') ? path : "/" + path;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
