using Microsoft.AspNetCore.Http;
using Moq;
using NewsWatch.Extraction;
using NewsWatch.Feeds;
using NewsWatch.Pipeline;
using NewsWatch.Testing.Http;
using NewsWatch.Testing.Time;

namespace NewsWatch.Core.Tests.Pipeline;

public sealed class PollFeedsJobTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Rss(params string[] slugs) =>
        "<rss version=\"2.0\"><channel><title>t</title>"
        + string.Concat(slugs.Select(s => $"<item><title>{s}</title><link>https://news.example/{s}</link><guid>{s}</guid></item>"))
        + "</channel></rss>";

    private FeedDefinition Feed(string id, string path) => new() { Id = id, Url = _server.Url(path) };

    [Fact]
    public async Task Broken_feeds_are_reported_and_do_not_stop_the_others()
    {
        _server.Serve("/good.xml", Rss("a", "b", "c"), "application/rss+xml");
        _server.Serve("/down.xml", "oops", "text/plain", status: 503);
        _server.Serve("/bad.xml", "<rss><channel><item>", "application/rss+xml");
        using var h = new PipelineHarness(Mock.Of<IArticleExtractor>(), Feed("down", "/down.xml"), Feed("good", "/good.xml"), Feed("bad", "/bad.xml"));

        var summary = await h.Poll.RunAsync();

        Assert.Equal(3, summary.ItemsQueued);
        Assert.Equal(3, h.Queue.Messages.Count);
        var byId = summary.Feeds.ToDictionary(f => f.FeedId);
        Assert.Equal(FeedOutcome.Ok, byId["good"].Outcome);
        Assert.Equal(FeedOutcome.Failed, byId["down"].Outcome);
        Assert.Contains("HTTP 503", byId["down"].Error, StringComparison.Ordinal);
        Assert.Equal(FeedOutcome.Failed, byId["bad"].Outcome);
        Assert.Contains("not well-formed", byId["bad"].Error, StringComparison.Ordinal);
        Assert.Equal(1, h.States.Rows["down"].ConsecutiveFailures);
        Assert.Equal("error", h.States.Rows["bad"].LastOutcome);
    }

    [Fact]
    public async Task A_failing_feed_backs_off_doubling_and_one_success_resets_it()
    {
        _server.Serve("/flaky.xml", "oops", "text/plain", status: 404);
        var clock = new ManualTimeProvider();
        using var h = new PipelineHarness(clock, Mock.Of<IArticleExtractor>(), Feed("flaky", "/flaky.xml"));

        Assert.Equal(FeedOutcome.Failed, (await h.Poll.RunAsync()).Feeds[0].Outcome);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(15), h.States.Rows["flaky"].NextAttemptAt);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(FeedOutcome.BackingOff, (await h.Poll.RunAsync()).Feeds[0].Outcome);
        Assert.Equal(1, _server.Hits("/flaky.xml"));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(FeedOutcome.Failed, (await h.Poll.RunAsync()).Feeds[0].Outcome);
        Assert.Equal(2, _server.Hits("/flaky.xml"));
        Assert.Equal(2, h.States.Rows["flaky"].ConsecutiveFailures);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(30), h.States.Rows["flaky"].NextAttemptAt);

        _server.Serve("/flaky.xml", Rss("a"), "application/rss+xml");
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(FeedOutcome.Ok, (await h.Poll.RunAsync()).Feeds[0].Outcome);
        Assert.Equal(0, h.States.Rows["flaky"].ConsecutiveFailures);
        Assert.Null(h.States.Rows["flaky"].NextAttemptAt);
    }

    [Fact]
    public async Task Items_are_queued_once_across_polls()
    {
        _server.Serve("/feed.xml", Rss("a", "b"), "application/rss+xml");
        using var h = new PipelineHarness(Mock.Of<IArticleExtractor>(), Feed("f", "/feed.xml"));

        Assert.Equal(2, (await h.Poll.RunAsync()).ItemsQueued);
        _server.Serve("/feed.xml", Rss("a", "b", "c"), "application/rss+xml");
        var second = await h.Poll.RunAsync();

        Assert.Equal(1, second.ItemsQueued);
        Assert.Equal(["a", "b", "c"], h.Queue.Messages.Select(m => m.ItemId).Order(StringComparer.Ordinal));
        Assert.Equal(3, h.States.Rows["f"].ItemsQueued);
    }

    [Fact]
    public async Task Conditional_get_uses_the_etag_and_handles_not_modified()
    {
        var etag = "\"v1\"";
        _server.Serve("/feed.xml", async ctx =>
        {
            if (ctx.Request.Headers.IfNoneMatch == etag)
            {
                ctx.Response.StatusCode = 304;
                return;
            }

            ctx.Response.Headers.ETag = etag;
            ctx.Response.ContentType = "application/rss+xml";
            await ctx.Response.WriteAsync(Rss("a"));
        });
        using var h = new PipelineHarness(Mock.Of<IArticleExtractor>(), Feed("f", "/feed.xml"));

        await h.Poll.RunAsync();
        var second = await h.Poll.RunAsync();

        Assert.Equal(FeedOutcome.NotModified, Assert.Single(second.Feeds).Outcome);
        Assert.Equal(etag, h.States.Rows["f"].ETag);
        Assert.Equal(2, _server.Hits("/feed.xml"));
    }

    [Fact]
    public async Task An_item_claimed_but_never_queued_is_queued_on_the_next_poll()
    {
        _server.Serve("/feed.xml", Rss("a"), "application/rss+xml");
        using var h = new PipelineHarness(Mock.Of<IArticleExtractor>(), Feed("f", "/feed.xml"));
        // A crash between claim and enqueue leaves the claim unconfirmed.
        var item = new FeedItem("f", "a", new Uri("https://news.example/a"), "a", null, null);
        Assert.Single(await h.Ledger.ClaimAsync("f", [item], DateTimeOffset.UtcNow));

        var summary = await h.Poll.RunAsync();

        Assert.Equal(1, summary.ItemsQueued);
        Assert.Empty(await h.Ledger.ClaimAsync("f", [item], DateTimeOffset.UtcNow));
    }
}
