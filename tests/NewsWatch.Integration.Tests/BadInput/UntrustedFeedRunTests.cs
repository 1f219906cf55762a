using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Articles;
using NewsWatch.Cli.Local;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.Pipeline;
using NewsWatch.Testing.Azurite;
using NewsWatch.Testing.Http;

namespace NewsWatch.Integration.Tests.BadInput;

/// <summary>
/// A whole local run (poll, queue, process, alerts to the pickup folder) on Azurite over a feed whose items are hostile,
/// next to one good approval report: the good article is stored and alerted, the hostile items are stored as failed with
/// their reason, nothing of the local file they point at is stored or mailed, and the run ends normally.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "BadInput")]
public sealed class UntrustedFeedRunTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Marker = "LOCAL-FILE-MARKER-7f3a";

    private LoopbackHttpServer _site = null!;
    private string _secretFile = "";
    private string _outbox = "";

    public async Task InitializeAsync()
    {
        _site = await LoopbackHttpServer.StartAsync();
        _secretFile = Path.Combine(Path.GetTempPath(), $"nw-local-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(_secretFile, $"<html><body><article><p>Xiaomi has received NDRC approval. {Marker}</p></article></body></html>");
        _outbox = Directory.CreateTempSubdirectory("nw-outbox-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        File.Delete(_secretFile);
        Directory.Delete(_outbox, recursive: true);
    }

    private Dictionary<string, string?> Settings(bool allowPrivate) => new()
    {
        ["NewsWatch:Feeds:0:Id"] = "hostile",
        ["NewsWatch:Feeds:0:Url"] = _site.Url("/feed.xml").AbsoluteUri,
        ["NewsWatch:Fetch:AllowPrivateNetworks"] = allowPrivate ? "true" : "false",
        ["NewsWatch:Alerts:PickupDirectory"] = _outbox,
        ["NewsWatch:Alerts:Recipients:0"] = "analyst@example.com",
    };

    private void ServeHostileSite()
    {
        var good = """
            <!doctype html><html><head><title>Xiaomi EV project wins NDRC approval</title></head><body><article>
            <h1>Xiaomi EV project wins NDRC approval</h1>
            <p>Xiaomi's electric vehicle project has received approval from the National Development and Reform Commission, the state planner said on Tuesday.</p>
            <p>The approval clears the way for Xiaomi to build cars at its plant in Beijing, where it plans to produce 150,000 vehicles a year in the first phase.</p>
            <p>The company has said it will invest 10 billion dollars in its car business over the next decade, and its first model is expected next year.</p>
            </article></body></html>
            """;
        _site.Serve("/good.html", good);
        _site.Serve("/to-file.html", ctx => HostileFeedTests.Redirect(ctx, new Uri(_secretFile).AbsoluteUri));
        _site.Serve("/loop-a.html", ctx => HostileFeedTests.Redirect(ctx, "/loop-b.html"));
        _site.Serve("/loop-b.html", ctx => HostileFeedTests.Redirect(ctx, "/loop-a.html"));
        var bomb = HostileFeedTests.Bomb("gzip", 64 * 1024 * 1024);
        _site.Serve("/bomb.html", async ctx =>
        {
            ctx.Response.ContentType = "text/html";
            ctx.Response.Headers.ContentEncoding = "gzip";
            await ctx.Response.Body.WriteAsync(bomb, ctx.RequestAborted);
        });
        _site.Serve("/endless.html", async ctx =>
        {
            ctx.Response.ContentType = "text/html";
            var chunk = "<p>more and more</p>"u8.ToArray();
            while (!ctx.RequestAborted.IsCancellationRequested)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
        });
        string Item(string title, string link) => $"<item><title>{title}</title><link>{link}</link><guid>{title}</guid></item>";
        _site.Serve("/feed.xml", "<rss version=\"2.0\"><channel><title>hostile</title>"
            + Item("local-file", new Uri(_secretFile).AbsoluteUri)
            + Item("redirect-to-file", _site.Url("/to-file.html").AbsoluteUri)
            + Item("redirect-loop", _site.Url("/loop-a.html").AbsoluteUri)
            + Item("gzip-bomb", _site.Url("/bomb.html").AbsoluteUri)
            + Item("endless", _site.Url("/endless.html").AbsoluteUri)
            + Item("good", _site.Url("/good.html").AbsoluteUri)
            + "</channel></rss>", "application/rss+xml");
    }

    [Fact]
    public async Task The_good_article_is_stored_and_alerted_and_nothing_of_the_local_file_is_stored_or_mailed()
    {
        ServeHostileSite();
        var scope = PipelineServices.NewScope();
        await using var sp = PipelineServices.Build(azurite, scope, Settings(allowPrivate: true));
        var runner = sp.GetRequiredService<LocalRunner>();

        await runner.RunOnceAsync(CancellationToken.None);

        var rows = await PipelineServices.ArticlesAsync(sp, withText: true);
        var byTitle = rows.ToDictionary(r => r.Title ?? r.Url.AbsoluteUri, StringComparer.Ordinal);
        Assert.Equal(6, rows.Count);
        Assert.Equal(ArticleStatus.Stored, byTitle["Xiaomi EV project wins NDRC approval"].Status);
        Assert.Contains("only http and https", byTitle["local-file"].Error, StringComparison.Ordinal);
        Assert.Contains("redirect target uses file:", byTitle["redirect-to-file"].Error, StringComparison.Ordinal);
        Assert.Contains("redirect loop", byTitle["redirect-loop"].Error, StringComparison.Ordinal);
        Assert.Contains("after decompression", byTitle["gzip-bomb"].Error, StringComparison.Ordinal);
        Assert.Contains("limit", byTitle["endless"].Error, StringComparison.Ordinal);
        Assert.All(rows.Where(r => r.Status == ArticleStatus.Failed), r => Assert.Equal("", r.Text));
        Assert.DoesNotContain(rows, r => $"{r.Title}{r.Text}{r.Error}".Contains(Marker, StringComparison.Ordinal));

        var mails = Directory.GetFiles(_outbox, "*.eml");
        var mail = await File.ReadAllTextAsync(Assert.Single(mails));
        Assert.Contains("NDRC", mail, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, mail, StringComparison.Ordinal);

        var poison = sp.GetRequiredService<StorageClients>().Queue($"articles-{scope}-poison");
        Assert.False((await poison.ExistsAsync()).Value && (await poison.PeekMessagesAsync()).Value.Length > 0, "a hostile item was dead-lettered instead of recorded");
    }

    [Fact]
    public async Task With_private_networks_off_the_loopback_feed_is_refused_and_status_says_why()
    {
        ServeHostileSite();
        var scope = PipelineServices.NewScope();
        await using var sp = PipelineServices.Build(azurite, scope, Settings(allowPrivate: false));
        await sp.GetRequiredService<StorageInitializer>().EnsureCreatedAsync();

        var poll = await sp.GetRequiredService<PollFeedsJob>().RunAsync();
        var status = await sp.GetRequiredService<StatusReporter>().BuildAsync();

        var feed = Assert.Single(poll.Feeds);
        Assert.Equal(FeedOutcome.Failed, feed.Outcome);
        Assert.Equal(0, _site.Hits("/feed.xml"));
        var shown = Assert.Single(status.Feeds);
        Assert.Contains("127.0.0.1, a loopback address", shown.LastError, StringComparison.Ordinal);
        Assert.Contains("NewsWatch:Fetch:AllowPrivateNetworks", shown.LastError, StringComparison.Ordinal);
        Assert.NotNull(shown.NextAttemptAt);
    }
}
