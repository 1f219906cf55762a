using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Alerts;
using NewsWatch.Articles;
using NewsWatch.Feeds;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.LocalDev;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Integration.Tests.Storage;

/// <summary>
/// What the Table adapters promise, on a real Azurite through the official SDK clients the app registers:
/// optimistic concurrency, paging, and errors an operator can act on.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableAdapterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Two_replaces_from_the_same_version_have_exactly_one_winner()
    {
        var table = AzuriteFixture.UniqueName("alerts");
        await using var sp = StorageServices.Build(azurite.ConnectionString, new Dictionary<string, string?> { ["NewsWatch:Alerts:Table"] = table });
        var outbox = sp.GetRequiredService<IAlertOutbox>();
        await sp.GetRequiredService<StorageClients>().Table(table).CreateIfNotExistsAsync();
        var record = new AlertRecord
        {
            Id = "00aa11bb22cc",
            AlertKey = "xiaomi-ev|ndrc|investment-approval",
            EventKey = "xiaomi-ev|ndrc|investment-approval",
            Subject = "Xiaomi EV: NDRC approval granted",
            Regulator = "NDRC",
            Kind = "investment-approval",
            Status = "granted",
            Evidence = "The NDRC has approved Xiaomi's EV project.",
            Sources = [],
            State = AlertDeliveryState.Pending,
            FirstSeenAt = DateTimeOffset.UtcNow,
            NextAttemptAt = DateTimeOffset.UtcNow,
        };
        Assert.NotNull(await outbox.TryAddAsync(record));
        Assert.Null(await outbox.TryAddAsync(record));
        var read = (await outbox.GetAsync(record.Id))!;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            outbox.TryReplaceAsync(read with { State = AlertDeliveryState.Sending, LeaseId = "worker-" + i })));

        var winner = Assert.Single(results, r => r is not null);
        var stored = (await outbox.GetAsync(record.Id))!;
        Assert.Equal(winner, stored.Version);
        Assert.StartsWith("worker-", stored.LeaseId, StringComparison.Ordinal);
        Assert.Null(await outbox.TryReplaceAsync(read with { State = AlertDeliveryState.Failed }));
    }

    [Fact]
    public async Task Headline_model_batch_and_confidence_round_trip_and_rows_without_them_read_as_before()
    {
        var table = AzuriteFixture.UniqueName("alerts");
        await using var sp = StorageServices.Build(azurite.ConnectionString, new Dictionary<string, string?> { ["NewsWatch:Alerts:Table"] = table });
        var outbox = sp.GetRequiredService<IAlertOutbox>();
        await sp.GetRequiredService<StorageClients>().Table(table).CreateIfNotExistsAsync();
        var old = new AlertRecord
        {
            Id = "00aa11bb22dd",
            AlertKey = "xiaomi-ev|ndrc|investment-approval|granted",
            EventKey = "xiaomi-ev|ndrc|investment-approval",
            Subject = "Xiaomi EV",
            Regulator = "NDRC",
            Kind = "investment-approval",
            Status = "granted",
            Evidence = "The NDRC has approved Xiaomi's EV project.",
            Sources = [],
            FirstSeenAt = DateTimeOffset.UtcNow,
            NextAttemptAt = DateTimeOffset.UtcNow,
        };
        var current = old with
        {
            Id = "00aa11bb22ee",
            EventKey = "v2|xiaomi-ev|miit|catalogue-listing|yu7",
            Headline = "Xiaomi YU7 listed in MIIT vehicle catalogue (approval for sale)",
            Model = "YU7",
            Batch = "385",
            Confidence = 0.86,
        };
        await outbox.TryAddAsync(old);
        await outbox.TryAddAsync(current);

        var readOld = (await outbox.GetAsync(old.Id))!;
        var readCurrent = (await outbox.GetAsync(current.Id))!;

        Assert.Equal((null, null, null, null), (readOld.Headline, readOld.Model, readOld.Batch, readOld.Confidence));
        Assert.Equal((current.Headline, "YU7", "385", 0.86), (readCurrent.Headline, readCurrent.Model, readCurrent.Batch, readCurrent.Confidence));
    }

    [Fact]
    public async Task Listing_pages_past_a_thousand_rows_and_leaves_article_text_out()
    {
        var articles = AzuriteFixture.UniqueName("articles");
        await using var sp = StorageServices.Build(azurite.ConnectionString, new Dictionary<string, string?> { ["NewsWatch:Storage:ArticlesTable"] = articles });
        var table = sp.GetRequiredService<StorageClients>().Table(articles);
        await table.CreateIfNotExistsAsync();

        // One partition takes batches of 100, which keeps the set-up to a dozen requests.
        const int count = 1_150;
        for (var start = 0; start < count; start += 100)
        {
            var batch = Enumerable.Range(start, Math.Min(100, count - start)).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("ab", $"ab{i:D6}")
            {
                ["Url"] = $"https://example.com/{i}",
                ["FeedId"] = "f",
                ["ItemId"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Status"] = "Stored",
                ["Title"] = $"Article {i}",
                ["Text"] = new string('x', 2_000),
                ["TextChunks"] = 1,
                ["ProcessedAt"] = DateTimeOffset.UtcNow,
            }));
            await table.SubmitTransactionAsync(batch);
        }

        var seen = new List<ArticleRecord>();
        await foreach (var a in sp.GetRequiredService<IArticleStore>().ListWithoutTextAsync())
        {
            seen.Add(a);
        }

        Assert.Equal(count, seen.Count);
        Assert.Equal(count, seen.Select(a => a.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(seen, a => Assert.Equal("", a.Text));
        Assert.Equal(new string('x', 2_000), (await sp.GetRequiredService<IArticleStore>().GetAsync("ab000999"))!.Text);
    }

    [Fact]
    public async Task Two_instances_storing_articles_concurrently_count_every_one_with_fewer_counter_writes_than_articles()
    {
        var table = AzuriteFixture.UniqueName("articles");
        var settings = new Dictionary<string, string?> { ["NewsWatch:Storage:ArticlesTable"] = table };
        await using var first = StorageServices.Build(azurite.ConnectionString, settings);
        await using var second = StorageServices.Build(azurite.ConnectionString, settings);
        await first.GetRequiredService<StorageInitializer>().EnsureCreatedAsync();
        // Each article writes one index row (none is relevant); the rest of the index writes are the counter's.
        long IndexWrites() => new[] { first, second }.Sum(sp =>
            sp.GetRequiredService<StorageOperationCounter>().ByResource.Where(p => p.Key is var k && (k == $"PUT {table}index" || k == $"POST {table}index")).Sum(p => p.Value));

        // 40 new articles per instance, 16 at a time, like two hosts' queue triggers; every fifth one fails.
        await Task.WhenAll(new[] { first, second }.Select((sp, instance) => Parallel.ForEachAsync(
            Enumerable.Range(0, 40),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => await sp.GetRequiredService<IArticleStore>().SaveAsync(
                new ArticleRecord
                {
                    Key = $"c{instance}{i:D4}",
                    Url = new Uri($"https://news.example/{instance}/{i}"),
                    FeedId = "f",
                    ItemId = $"{instance}-{i}",
                    Status = i % 5 == 0 ? ArticleStatus.Failed : ArticleStatus.Stored,
                    ProcessedAt = DateTimeOffset.UtcNow,
                },
                null,
                ct))));

        var counts = await first.GetRequiredService<NewsWatch.Reading.IArticleIndex>().CountsAsync();
        Assert.Equal(new NewsWatch.Pipeline.ArticleCounts(64, 16), counts);
        Assert.InRange(IndexWrites() - 80, 2, 79);
    }

    [Fact]
    public async Task A_wrong_account_key_gives_an_error_naming_the_account_and_never_the_key()
    {
        const string wrongKey = "d3JvbmctYnV0LXdlbGwtZm9ybWVkLWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkwYWJjZGVmZ2hpams=";
        var wrong = azurite.ConnectionString.Replace(AzuriteLauncher.DevelopmentAccountKey, wrongKey, StringComparison.Ordinal);
        Assert.NotEqual(azurite.ConnectionString, wrong);
        await using var sp = StorageServices.Build(wrong);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sp.GetRequiredService<IFeedStateStore>().GetAsync("some-feed"));

        Assert.Equal(403, error.Status);
        Assert.Contains($"Storage account '{AzuriteLauncher.DevelopmentAccountName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteLauncher.DevelopmentAccountKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_account_is_read_from_path_style_and_host_style_endpoints()
    {
        Assert.Equal("devstoreaccount1", StorageErrorPolicy.AccountOf(new Uri("http://127.0.0.1:10002/devstoreaccount1/feeds()")));
        Assert.Equal("newswatchprod", StorageErrorPolicy.AccountOf(new Uri("https://newswatchprod.table.core.windows.net/feeds()")));
    }
}
