using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Feeds;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Integration.Tests.Storage;

/// <summary>The feed-item ledger on a real Azurite: what a poll claims, what it costs, and two pollers racing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableFeedItemLedgerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_poll_claims_new_items_once_and_repeated_items_cost_one_lookup_per_fourteen()
    {
        await using var sp = await ServicesAsync();
        var ledger = sp.GetRequiredService<IFeedItemLedger>();
        var counter = sp.GetRequiredService<StorageOperationCounter>();
        var items = Items("f", 0, 30);

        var before = counter.Total;
        var first = await ledger.ClaimAsync("f", [.. items, items[3]], Now);
        var claimCost = counter.Total - before;
        await ledger.ConfirmQueuedAsync("f", first, Now);

        Assert.Equal(items.Select(i => i.ItemId), first.Select(i => i.ItemId));
        Assert.Equal(3 + 1, claimCost); // 30 rows looked up 14 at a time, inserted in one transaction

        before = counter.Total;
        var again = await ledger.ClaimAsync("f", [.. Items("f", 25, 10)], Now);
        Assert.Equal(Items("f", 30, 5).Select(i => i.ItemId), again.Select(i => i.ItemId));
        Assert.Equal(1 + 1, counter.Total - before);
    }

    [Fact]
    public async Task A_claim_never_confirmed_is_handed_out_again_and_a_confirmed_one_is_not()
    {
        await using var sp = await ServicesAsync();
        var ledger = sp.GetRequiredService<IFeedItemLedger>();
        var items = Items("f", 0, 4);
        await ledger.ClaimAsync("f", items, Now);
        await ledger.ConfirmQueuedAsync("f", items.Take(2).ToList(), Now);

        var next = await ledger.ClaimAsync("f", items, Now.AddMinutes(15));

        Assert.Equal(["item-2", "item-3"], next.Select(i => i.ItemId));
    }

    [Fact]
    public async Task Two_pollers_claiming_overlapping_items_at_once_hand_out_each_item_exactly_once()
    {
        await using var sp = await ServicesAsync();
        var ledger = sp.GetRequiredService<IFeedItemLedger>();

        for (var round = 0; round < 5; round++)
        {
            var results = await Task.WhenAll(
                ledger.ClaimAsync("f", Items("f", round * 100, 60), Now),
                ledger.ClaimAsync("f", Items("f", (round * 100) + 40, 60), Now));

            var handedOut = results.SelectMany(r => r).Select(i => i.ItemId).ToList();
            Assert.Equal(100, handedOut.Count);
            Assert.Equal(100, handedOut.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public async Task Items_of_another_feed_are_refused()
    {
        await using var sp = await ServicesAsync();
        var ledger = sp.GetRequiredService<IFeedItemLedger>();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ledger.ClaimAsync("f", Items("g", 0, 1), Now));
        Assert.Contains("'g'", ex.Message, StringComparison.Ordinal);
    }

    private async Task<ServiceProvider> ServicesAsync()
    {
        var table = AzuriteFixture.UniqueName("feeditems");
        var sp = StorageServices.Build(azurite.ConnectionString, new Dictionary<string, string?> { ["NewsWatch:Storage:FeedItemsTable"] = table });
        await sp.GetRequiredService<StorageClients>().Table(table).CreateIfNotExistsAsync();
        return sp;
    }

    private static List<FeedItem> Items(string feed, int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => new FeedItem(feed, $"item-{i}", new Uri($"https://news.example/{feed}/{i}"), $"Item {i}", null, null))];
}
