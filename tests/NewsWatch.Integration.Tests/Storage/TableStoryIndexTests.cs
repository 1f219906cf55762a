using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Assessment;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.Infrastructure.Tables;
using NewsWatch.Stories;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Integration.Tests.Storage;

/// <summary>The story table on a real Azurite: bounded reads per article, window expiry, and racing workers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStoryIndexTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2025, 9, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_article_reads_its_two_window_partitions_in_one_query_and_writes_one_row_however_many_stories_exist()
    {
        await using var sp = await BuildAsync();
        var index = sp.GetRequiredService<TableStoryIndex>();
        var counter = sp.GetRequiredService<StorageOperationCounter>();
        var components = StoryComponents.For(WatchSubjectOptions.XiaomiEv());
        for (var i = 0; i < 30; i++)
        {
            await index.AssignAsync(Article(components, $"other-{i}", $"Xiaomi opens store number {1000 + (i * 37)} in city {i}", Monday.AddHours(i)), default);
        }

        var (queries, total) = (counter.Queries, counter.Total);
        var first = await index.AssignAsync(Article(components, "recall-en", Recall, Monday.AddDays(1)), default);
        var rewrite = await index.AssignAsync(Article(components, "recall-zh", RecallChinese, Monday.AddDays(1).AddHours(2)), default);

        Assert.True(first.IsNew);
        Assert.Equal(first.StoryId, rewrite.StoryId);
        Assert.Equal(2, counter.Queries - queries);
        Assert.Equal(4, counter.Total - total);
        var story = await index.GetAsync(first.StoryId, default);
        Assert.NotNull(story);
        Assert.Equal(["recall-en", "recall-zh"], story.Sources.Select(s => s.ArticleKey));
        Assert.Equal(["recall-en.example", "recall-zh.example"], story.Outlets);
        Assert.Equal(Monday.AddDays(1), story.FirstSeen);
        Assert.Equal(Monday.AddDays(1).AddHours(2), story.LastSeen);
    }

    [Fact]
    public async Task Rows_outside_the_window_are_not_read_and_are_purged()
    {
        await using var sp = await BuildAsync();
        var index = sp.GetRequiredService<TableStoryIndex>();
        var components = StoryComponents.For(WatchSubjectOptions.XiaomiEv());
        var old = await index.AssignAsync(Article(components, "recall-en", Recall, Monday), default);

        var late = await index.AssignAsync(Article(components, "recall-zh", RecallChinese, Monday.AddDays(30)), default);
        var purged = await index.PurgeExpiredAsync(Monday.AddDays(30), default);

        Assert.True(late.IsNew);
        Assert.True(purged >= 2, $"purged {purged}: the old story and its bucket's head row");
        Assert.Null(await index.GetAsync(old.StoryId, default));
        Assert.NotNull(await index.GetAsync(late.StoryId, default));
        var listed = new List<string>();
        await foreach (var s in index.ListAsync(Monday.AddDays(29), default))
        {
            listed.Add(s.Id);
        }

        Assert.Equal([late.StoryId], listed);
    }

    [Fact]
    public async Task Workers_assigning_rewrites_of_one_event_at_once_end_in_one_story()
    {
        await using var sp = await BuildAsync();
        var components = StoryComponents.For(WatchSubjectOptions.XiaomiEv());
        var articles = Enumerable.Range(0, 6).Select(i => Article(
            components, $"recall-{i}", i % 2 == 0 ? Recall : RecallChinese, Monday.AddMinutes(i))).ToList();

        // Separate index instances stand for separate workers: nothing shared but the table.
        var results = await Task.WhenAll(articles.Select(a => Task.Run(() =>
            new TableStoryIndex(Table(sp), sp.GetRequiredService<StoryMatcher>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<TableStoryIndex>.Instance)
                .AssignAsync(a, default))));

        Assert.Single(results.Select(r => r.StoryId).Distinct());
        Assert.Single(results, r => r.IsNew);
        var story = await sp.GetRequiredService<TableStoryIndex>().GetAsync(results[0].StoryId, default);
        Assert.Equal(6, story!.Sources.Count);
    }

    private const string Recall =
        "Xiaomi recalls 116,887 SU7 sedans over assisted-driving fault. Xiaomi will recall 116,887 SU7 Standard Edition cars built "
        + "between February 2024 and August 2025, the market regulator said. The fix will be pushed over the air.";

    private const string RecallChinese =
        "小米召回116887辆SU7标准版。国家市场监督管理总局发布消息,小米汽车将召回116887辆SU7标准版电动汽车,通过远程升级免费更新辅助驾驶软件。";

    private static StoryArticle Article(StoryComponents components, string key, string text, DateTimeOffset published)
    {
        var assessment = ArticleAssessor.ForXiaomiEv().Assess(new AssessmentInput(null, text, null, published, null));
        return new StoryArticle(key, new Uri($"https://{key}.example/a"), null, key + ".example", null, published, components.Reader.Read(null, text, assessment));
    }

    private static TableClient Table(IServiceProvider sp)
    {
        var clients = sp.GetRequiredService<StorageClients>();
        return clients.Table(clients.Options.StoriesTable);
    }

    private async Task<ServiceProvider> BuildAsync()
    {
        var sp = StorageServices.Build(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["NewsWatch:Storage:StoriesTable"] = AzuriteFixture.UniqueName("stories"),
        });
        await Table(sp).CreateIfNotExistsAsync();
        return sp;
    }
}
