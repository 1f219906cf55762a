using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using NewsWatch.Feeds;
using NewsWatch.Fetching;
using NewsWatch.Testing.Http;
using Xunit.Abstractions;

namespace NewsWatch.Integration.Tests.BadInput;

/// <summary>Feeds written to hurt the reader, served from loopback: each gives a clear error or a correct result.</summary>
[Trait("Category", "BadInput")]
public sealed class HostileFeedTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        output.WriteLine($"process peak working set so far: {Environment.ProcessId} {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        await _server.DisposeAsync();
    }

    private const string Rss = "application/rss+xml";

    [Fact]
    public async Task Billion_laughs_is_refused_without_expanding_entities()
    {
        var lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            lol.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">").Replace("&lol0;", "&lol;");
        }

        lol.Append("]><rss version=\"2.0\"><channel><item><title>&lol9;</title><link>https://news.example/a</link></item></channel></rss>");
        _server.Serve("/lol.xml", lol.ToString(), Rss);
        using var layer = new FetchLayer();

        var ex = await Assert.ThrowsAsync<FeedFormatException>(() => layer.ReadFeedAsync(_server.Url("/lol.xml")));
        Assert.Contains("not well-formed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_entity_is_never_resolved()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"nw-secret-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET-MARKER");
        try
        {
            _server.Serve("/xxe.xml", $"""
                <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
                <rss version="2.0"><channel><item><title>&xxe;</title><link>https://news.example/a</link></item></channel></rss>
                """, Rss);
            using var layer = new FetchLayer();

            var outcome = await Record.ExceptionAsync(() => layer.ReadFeedAsync(_server.Url("/xxe.xml")));

            Assert.IsType<FeedFormatException>(outcome);
            Assert.DoesNotContain("TOP-SECRET-MARKER", outcome.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_50_mb_feed_stops_at_the_cap_whether_or_not_it_declares_its_length(bool declareLength)
    {
        const int size = 50 * 1024 * 1024;
        _server.Serve("/huge.xml", async ctx =>
        {
            ctx.Response.ContentType = Rss;
            if (declareLength)
            {
                ctx.Response.ContentLength = size;
            }

            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            for (var sent = 0; sent < size && !ctx.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
        });
        using var layer = new FetchLayer();

        var ex = await Assert.ThrowsAsync<FetchException>(() => layer.ReadFeedAsync(_server.Url("/huge.xml")));
        Assert.False(ex.IsTransient);
        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_compression_bomb_is_capped_on_its_decompressed_bytes(string encoding)
    {
        var bomb = Bomb(encoding, 256 * 1024 * 1024);
        output.WriteLine($"{encoding} bomb: {bomb.Length:N0} bytes on the wire, 268,435,456 decompressed");
        _server.Serve("/bomb.xml", async ctx =>
        {
            ctx.Response.ContentType = Rss;
            ctx.Response.Headers.ContentEncoding = encoding;
            await ctx.Response.Body.WriteAsync(bomb, ctx.RequestAborted);
        });
        using var layer = new FetchLayer();

        var ex = await Assert.ThrowsAsync<FetchException>(() => layer.ReadFeedAsync(_server.Url("/bomb.xml")));
        Assert.False(ex.IsTransient);
        Assert.Contains("after decompression", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_chunked_body_stops_at_the_cap()
    {
        _server.Serve("/endless.xml", async ctx =>
        {
            ctx.Response.ContentType = Rss;
            var chunk = Encoding.ASCII.GetBytes("<item><title>x</title></item>");
            while (!ctx.RequestAborted.IsCancellationRequested)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
        });
        using var layer = new FetchLayer(maxBytes: 2 * 1024 * 1024);

        var ex = await Assert.ThrowsAsync<FetchException>(() => layer.ReadFeedAsync(_server.Url("/endless.xml")));
        Assert.Contains("2,097,152-byte limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_drip_inside_the_timeout_is_read_in_full()
    {
        var feed = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><item><title>slow</title><link>https://news.example/slow</link></item></channel></rss>");
        _server.Serve("/drip.xml", async ctx =>
        {
            ctx.Response.ContentType = Rss;
            foreach (var part in feed.Chunk(feed.Length / 8 + 1))
            {
                await ctx.Response.Body.WriteAsync(part, ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(100, ctx.RequestAborted);
            }
        });
        using var layer = new FetchLayer(timeout: TimeSpan.FromSeconds(5));

        var read = await layer.ReadFeedAsync(_server.Url("/drip.xml"));
        Assert.Equal("slow", Assert.Single(read.Items).Title);
    }

    [Fact]
    public async Task A_slow_drip_past_the_timeout_is_cut_off_as_transient()
    {
        _server.Serve("/forever.xml", async ctx =>
        {
            ctx.Response.ContentType = Rss;
            while (!ctx.RequestAborted.IsCancellationRequested)
            {
                await ctx.Response.Body.WriteAsync("<"u8.ToArray(), ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(200, ctx.RequestAborted);
            }
        });
        using var layer = new FetchLayer(timeout: TimeSpan.FromSeconds(2));

        var started = System.Diagnostics.Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<FetchException>(() => layer.ReadFeedAsync(_server.Url("/forever.xml")));
        Assert.True(ex.IsTransient);
        Assert.Contains("within 2 s", ex.Message, StringComparison.Ordinal);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_redirect_loop_is_named_and_permanent()
    {
        _server.Serve("/a.xml", ctx => Redirect(ctx, "/b.xml"));
        _server.Serve("/b.xml", ctx => Redirect(ctx, "/a.xml"));
        using var layer = new FetchLayer();

        var ex = await Assert.ThrowsAsync<FetchException>(() => layer.ReadFeedAsync(_server.Url("/a.xml")));
        Assert.False(ex.IsTransient);
        Assert.Contains("redirect loop", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file:")]
    [InlineData("ftp://127.0.0.1/feed.xml", "ftp:")]
    [InlineData("data:text/xml,<rss/>", "data:")]
    public async Task A_redirect_to_another_scheme_is_a_permanent_failure_with_its_reason(string target, string scheme)
    {
        _server.Serve("/moved.xml", ctx => Redirect(ctx, target));
        using var layer = new FetchLayer();

        var ex = await Assert.ThrowsAsync<FetchException>(() => layer.ReadFeedAsync(_server.Url("/moved.xml")));
        Assert.False(ex.IsTransient);
        Assert.Contains($"redirect target uses {scheme}; only http and https are fetched", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_200_is_a_clear_format_error()
    {
        _server.Serve("/empty.xml", "", Rss);
        using var layer = new FetchLayer();

        var ex = await Assert.ThrowsAsync<FeedFormatException>(() => layer.ReadFeedAsync(_server.Url("/empty.xml")));
        Assert.Contains("hostile", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_304_without_validators_yields_no_items_and_no_error()
    {
        _server.Serve("/304.xml", "", Rss, status: 304);
        using var layer = new FetchLayer();

        var read = await layer.ReadFeedAsync(_server.Url("/304.xml"));
        Assert.True(read.NotModified);
        Assert.Empty(read.Items);
    }

    [Fact]
    public async Task An_rss_with_100000_items_is_read_in_full()
    {
        var xml = new StringBuilder("<rss version=\"2.0\"><channel>");
        for (var i = 0; i < 100_000; i++)
        {
            xml.Append(System.Globalization.CultureInfo.InvariantCulture, $"<item><link>https://n.example/{i}</link></item>");
        }

        _server.Serve("/many.xml", xml.Append("</channel></rss>").ToString(), Rss);
        using var layer = new FetchLayer();

        var read = await layer.ReadFeedAsync(_server.Url("/many.xml"));
        Assert.Equal(100_000, read.Items.Count);
        Assert.Equal(100_000, read.Items.Select(i => i.ItemId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Atom_relative_links_resolve_against_the_feed_address()
    {
        _server.Serve("/news/atom.xml", """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
              <entry><id>1</id><title>rel</title><link href="2026/su7.html"/></entry>
              <entry><id>2</id><title>root</title><link href="/yu7.html"/></entry>
            </feed>
            """, "application/atom+xml");
        using var layer = new FetchLayer();

        var read = await layer.ReadFeedAsync(_server.Url("/news/atom.xml"));
        Assert.Equal([_server.Url("/news/2026/su7.html"), _server.Url("/yu7.html")], read.Items.Select(i => i.Link));
    }

    [Fact]
    public async Task A_1_mb_title_is_clipped_where_it_enters()
    {
        _server.Serve("/title.xml", $"<rss version=\"2.0\"><channel><item><title>{new string('T', 1024 * 1024)}</title><link>https://n.example/t</link></item></channel></rss>", Rss);
        using var layer = new FetchLayer();

        var item = Assert.Single((await layer.ReadFeedAsync(_server.Url("/title.xml"))).Items);
        Assert.Equal(NewsWatch.Articles.TextLimits.MaxTitleChars, item.Title!.Length);
        Assert.EndsWith("…", item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_private_networks_off_a_loopback_feed_is_refused_before_any_request_reaches_it()
    {
        _server.Serve("/feed.xml", "<rss version=\"2.0\"><channel/></rss>", Rss);
        using var layer = new FetchLayer(allowPrivateNetworks: false);

        var ex = await Assert.ThrowsAsync<FetchException>(() => layer.ReadFeedAsync(_server.Url("/feed.xml")));

        Assert.False(ex.IsTransient);
        Assert.Contains("127.0.0.1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("loopback address", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NewsWatch:Fetch:AllowPrivateNetworks", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.Hits("/feed.xml"));
    }

    [Fact]
    public async Task With_private_networks_off_localhost_by_name_is_refused_after_resolution()
    {
        using var layer = new FetchLayer(allowPrivateNetworks: false);
        var url = new UriBuilder(_server.Url("/feed.xml")) { Host = "localhost" }.Uri;

        var ex = await Assert.ThrowsAsync<FetchException>(() => layer.ReadFeedAsync(url));

        Assert.Contains("localhost resolves to", ex.Message, StringComparison.Ordinal);
        Assert.Contains("loopback", ex.Message, StringComparison.Ordinal);
    }

    internal static Task Redirect(HttpContext ctx, string location)
    {
        ctx.Response.StatusCode = 302;
        ctx.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    internal static byte[] Bomb(string encoding, int decompressedBytes)
    {
        using var wire = new MemoryStream();
        using (Stream compressor = encoding == "br"
            ? new BrotliStream(wire, CompressionLevel.Optimal, leaveOpen: true)
            : new GZipStream(wire, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < decompressedBytes / zeros.Length; i++)
            {
                compressor.Write(zeros);
            }
        }

        return wire.ToArray();
    }
}
