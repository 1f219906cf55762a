using System.Diagnostics;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Feeds;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.LocalDev;
using NewsWatch.Pipeline;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Integration.Tests.Storage;

/// <summary>Has an Azurite of its own (class fixture), because it stops and restarts it.</summary>
[Trait("Category", "Faults")]
public sealed class StorageOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Stopped_storage_is_retried_by_the_sdk_then_reported_clearly_and_works_again_after_restart()
    {
        var feeds = AzuriteFixture.UniqueName("feeds");
        var queue = AzuriteFixture.UniqueName("articles");
        await using var sp = StorageServices.Build(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["NewsWatch:Storage:FeedsTable"] = feeds,
            ["NewsWatch:Storage:ArticlesQueue"] = queue,

            // The documented override of the SDK's retry policy: two retries, 200 ms apart.
            ["NewsWatch:Storage:Client:Retry:MaxRetries"] = "2",
            ["NewsWatch:Storage:Client:Retry:Mode"] = "Fixed",
            ["NewsWatch:Storage:Client:Retry:Delay"] = "00:00:00.200",
            ["NewsWatch:Storage:Client:Retry:NetworkTimeout"] = "00:00:05",
        });
        await sp.GetRequiredService<StorageInitializer>().EnsureCreatedAsync();
        var store = sp.GetRequiredService<IFeedStateStore>();
        var state = new FeedState { FeedId = "cnevpost", Url = new Uri("https://cnevpost.com/feed/") };
        await store.SaveAsync(state);

        await azurite.StopAsync();
        var clock = Stopwatch.StartNew();
        var down = await Assert.ThrowsAsync<RequestFailedException>(() => store.GetAsync("cnevpost"));
        var queueDown = await Assert.ThrowsAsync<RequestFailedException>(() =>
            sp.GetRequiredService<IArticleQueue>().EnqueueAsync(new ArticleMessage("f", "i", new Uri("https://example.com/a"), null, null, DateTimeOffset.UtcNow)));
        clock.Stop();

        Assert.Equal(0, down.Status);
        Assert.Contains($"Storage account '{AzuriteLauncher.DevelopmentAccountName}'", down.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer after 3 tries", down.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer after 3 tries", queueDown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteLauncher.DevelopmentAccountKey, down.ToString(), StringComparison.Ordinal);
        // Azure.Core jitters every retry delay to between 0.8 and 1.2 times the configured one, in Fixed mode too.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(2 * 2 * 200 * 0.8), $"two retries 200 ms apart for each call, took {clock.Elapsed}");

        await azurite.StartAsync();

        // The test Azurite keeps data in memory, so it comes back empty; the same services recreate and use it.
        await sp.GetRequiredService<StorageInitializer>().EnsureCreatedAsync();
        await store.SaveAsync(state);
        Assert.Equal(state.Url, (await store.GetAsync("cnevpost"))!.Url);
        await sp.GetRequiredService<IArticleQueue>().EnqueueAsync(new ArticleMessage("f", "i", new Uri("https://example.com/a"), null, null, DateTimeOffset.UtcNow));
    }
}
