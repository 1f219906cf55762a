using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsWatch.Infrastructure.LocalDev;

namespace NewsWatch.Cli.Benchmarks.Startup;

/// <summary>
/// The news site the measured first invocations talk to, on loopback: <c>/feed/{id}.xml</c> is an RSS feed with one
/// item pointing at <c>/article/{id}.html</c>, a news-page-shaped document (navigation, JSON-LD, an article body,
/// related links, scripts). Every run uses its own id so each cold start does the same work (a new item to queue,
/// a new article to store) instead of finding the previous run's result.
/// </summary>
internal sealed class BenchSite : IAsyncDisposable
{
    private readonly LoopbackWebServer _server;

    private BenchSite(LoopbackWebServer server) => _server = server;

    public Uri BaseUrl => _server.BaseUrl;

    public static async Task<BenchSite> StartAsync(CancellationToken cancellationToken) =>
        new(await LoopbackWebServer.StartAsync(0, app => app.Run(AnswerAsync), cancellationToken));

    private static async Task AnswerAsync(HttpContext ctx)
    {
        // Links point back at the address the request came to, as the sample site's do.
        var baseUrl = new Uri($"{ctx.Request.Scheme}://{ctx.Request.Host}/");
        var path = ctx.Request.Path.Value ?? "/";
        if (path.StartsWith("/feed/", StringComparison.Ordinal) && path.EndsWith(".xml", StringComparison.Ordinal))
        {
            var id = path["/feed/".Length..^".xml".Length];
            ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
            await ctx.Response.WriteAsync(Feed(baseUrl, id), ctx.RequestAborted);
        }
        else if (path.StartsWith("/article/", StringComparison.Ordinal) && path.EndsWith(".html", StringComparison.Ordinal))
        {
            var id = path["/article/".Length..^".html".Length];
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.WriteAsync(Article(baseUrl, id), ctx.RequestAborted);
        }
        else
        {
            ctx.Response.StatusCode = (int)HttpStatusCode.NotFound;
        }
    }

    public Uri FeedUrl(string id) => new(BaseUrl, $"feed/{id}.xml");

    public Uri ArticleUrl(string id) => new(BaseUrl, $"article/{id}.html");

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Feed(Uri baseUrl, string id) => string.Create(CultureInfo.InvariantCulture, $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Bench EV News</title><link>{baseUrl}</link><description>startup benchmark</description>
        <item><title>Xiaomi YU7 orders pass 240,000 ({id})</title><link>{new Uri(baseUrl, $"article/{id}.html")}</link>
        <guid isPermaLink="false">bench-{id}</guid><pubDate>Mon, 23 Jun 2025 08:00:00 GMT</pubDate>
        <description>Locked-in orders for the YU7 SUV passed 240,000 within 18 hours.</description></item>
        </channel></rss>
        """);

    private static string Article(Uri baseUrl, string id)
    {
        var html = new StringBuilder(24_000);
        html.Append(CultureInfo.InvariantCulture, $$$"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Xiaomi YU7 orders pass 240,000 in 18 hours | Bench EV News</title>
            <link rel="canonical" href="{{{new Uri(baseUrl, $"article/{id}.html")}}}">
            <meta property="og:title" content="Xiaomi YU7 orders pass 240,000 in 18 hours"><meta property="og:site_name" content="Bench EV News">
            <meta name="description" content="Locked-in orders for the YU7 SUV passed 240,000 within 18 hours of launch.">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Xiaomi YU7 orders pass 240,000 in 18 hours","datePublished":"2025-06-23T08:00:00+08:00","author":{"@type":"Person","name":"Bench Reporter"}}</script>
            <style>body{font-family:sans-serif} .nav a{margin:0 4px}</style></head><body>
            <header class="site-header"><div class="logo">Bench EV News</div><nav class="nav">
            """);
        for (var i = 0; i < 40; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"/section/{i}\">Section {i}</a>");
        }

        html.Append("</nav></header><main><article class=\"post\"><h1>Xiaomi YU7 orders pass 240,000 in 18 hours</h1>"
            + "<div class=\"byline\">By Bench Reporter · June 23, 2025</div><div class=\"entry-content\">");
        for (var i = 0; i < 14; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <p>Paragraph {i}: Xiaomi said locked-in orders for the YU7 electric SUV passed 240,000 within 18 hours, after
                the company opened reservations in Beijing. Chief executive Lei Jun told reporters that the Beijing factory will
                add shifts to shorten delivery times, and that the SU7 sedan keeps its production slot alongside the new model.</p>
                """);
        }

        html.Append("</div></article><aside class=\"related\"><h2>Related</h2><ul>");
        for (var i = 0; i < 20; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/article/related-{i}.html\">Related story {i} about EV deliveries</a></li>");
        }

        html.Append("</ul></aside></main><footer class=\"site-footer\"><p>Copyright Bench EV News</p></footer>"
            + "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script></body></html>");
        return html.ToString();
    }
}
