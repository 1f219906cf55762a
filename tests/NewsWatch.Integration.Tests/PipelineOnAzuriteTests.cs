using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Articles;
using NewsWatch.Cli.Local;
using NewsWatch.Cli.Sample;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.LocalDev.QueueTrigger;
using NewsWatch.Pipeline;
using NewsWatch.Testing.Azurite;
using NewsWatch.Testing.Http;
using NewsWatch.Testing.Repo;

namespace NewsWatch.Integration.Tests;

/// <summary>
/// The whole path on a real Azurite: the offline sample feed on a loopback server → PollFeeds → the
/// articles queue → ProcessArticle (with the queue-trigger rules of host.json) → the articles table.
/// Every test uses its own queue and table names, so tests share one Azurite safely.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PipelineOnAzuriteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int RetriesPerAttempt = PipelineServices.RetriesPerAttempt;

    private SampleSiteServer _sample = null!;
    private LoopbackHttpServer _flaky = null!;

    public async Task InitializeAsync()
    {
        var site = new SampleSite(Path.Combine(RepoPaths.Root, "samples", "offline", "pages.json"), RepoPaths.Seeds);
        _sample = await SampleSiteServer.StartAsync(site, port: 0, CancellationToken.None);
        _flaky = await LoopbackHttpServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _sample.DisposeAsync();
        await _flaky.DisposeAsync();
    }

    private ServiceProvider Services(string scope, IEnumerable<KeyValuePair<string, string?>> feeds, int maxDequeueCount = 5) =>
        PipelineServices.Build(azurite, scope, feeds, maxDequeueCount);

    private static string Scope() => PipelineServices.NewScope();

    private KeyValuePair<string, string?>[] SampleFeed() =>
    [
        new("NewsWatch:Feeds:0:Id", "sample"),
        new("NewsWatch:Feeds:0:Url", new Uri(_sample.BaseUrl, "feed.xml").AbsoluteUri),
    ];

    private static Task<List<ArticleRecord>> ArticlesAsync(ServiceProvider sp) => PipelineServices.ArticlesAsync(sp);

    [Fact]
    public async Task Poll_queues_five_messages_that_become_five_rows_and_a_second_run_adds_nothing()
    {
        var scope = Scope();
        await using var sp = Services(scope, SampleFeed());
        var storage = sp.GetRequiredService<StorageClients>();
        await sp.GetRequiredService<StorageInitializer>().EnsureCreatedAsync();

        var poll = await sp.GetRequiredService<PollFeedsJob>().RunAsync();
        var queued = await storage.Queue($"articles-{scope}").GetPropertiesAsync();

        Assert.Equal(5, poll.ItemsQueued);
        Assert.Equal(5, queued.Value.ApproximateMessagesCount);

        var runner = sp.GetRequiredService<LocalRunner>();
        await runner.Listener.DrainAsync(CancellationToken.None);
        var rows = await ArticlesAsync(sp);

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(ArticleStatus.Stored, r.Status));
        foreach (var row in rows)
        {
            // The listing leaves the text out; the point read brings it.
            Assert.Equal("", row.Text);
            var full = await sp.GetRequiredService<IArticleStore>().GetAsync(row.Key);
            Assert.True(full!.Text.Length > 500, $"{row.Url} has only {full.Text.Length} chars");
        }
        Assert.Contains(rows, r => r.Title == "China gives green light for Xiaomi’s EV venture");

        await runner.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, runner.Summary.Polls[^1].ItemsQueued);
        Assert.Equal(5, (await ArticlesAsync(sp)).Count);
    }

    [Fact]
    public async Task A_redelivered_message_does_not_duplicate_the_article()
    {
        var scope = Scope();
        await using var sp = Services(scope, SampleFeed());
        var runner = sp.GetRequiredService<LocalRunner>();
        await runner.RunOnceAsync(CancellationToken.None);
        var before = await ArticlesAsync(sp);
        var one = before[0];

        // The same message delivered again, as after a lease expiry or a host crash.
        var queue = sp.GetRequiredService<StorageClients>().Queue($"articles-{scope}");
        await queue.SendMessageAsync(new ArticleMessage(one.FeedId, one.ItemId, one.Url, one.Title, null, DateTimeOffset.UtcNow).ToJson());
        await runner.Listener.DrainAsync(CancellationToken.None);
        var after = await ArticlesAsync(sp);

        Assert.Equal(before.Count, after.Count);
        Assert.Equal(ProcessStatus.Unchanged, runner.Summary.Outcomes[^1].Status);
        Assert.Equal(before.Select(a => a.Key).Order(StringComparer.Ordinal), after.Select(a => a.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_message_that_always_fails_ends_in_poison_after_max_dequeue_count_and_the_rest_complete()
    {
        var scope = Scope();
        _flaky.Serve("/down.html", "maintenance", "text/plain", status: 503);
        _flaky.Serve("/feed.xml", $"""
            <rss version="2.0"><channel><title>mixed</title>
            <item><title>down</title><link>{_flaky.Url("/down.html")}</link><guid>down</guid></item>
            </channel></rss>
            """, "application/rss+xml");
        await using var sp = Services(scope,
        [
            .. SampleFeed(),
            new("NewsWatch:Feeds:1:Id", "flaky"),
            new("NewsWatch:Feeds:1:Url", _flaky.Url("/feed.xml").AbsoluteUri),
        ], maxDequeueCount: 3);
        var runner = sp.GetRequiredService<LocalRunner>();

        await runner.RunOnceAsync(CancellationToken.None);

        var storage = sp.GetRequiredService<StorageClients>();
        var poison = await storage.Queue($"articles-{scope}-poison").PeekMessagesAsync(10);
        var message = ArticleMessage.Parse(Assert.Single(poison.Value).Body.ToString());
        Assert.Equal(_flaky.Url("/down.html"), message.Url);
        // Each of the three deliveries tries the page once and retries it in-process (the resilience handler).
        Assert.Equal(3 * (1 + RetriesPerAttempt), _flaky.Hits("/down.html"));
        Assert.Equal(0, (await storage.Queue($"articles-{scope}").GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(5, (await ArticlesAsync(sp)).Count(a => a.Status == ArticleStatus.Stored));
        Assert.Equal(1, runner.Listener.Stats.Poisoned);
    }
}
