using NewsWatch.Assessment;
using NewsWatch.Stories;

namespace NewsWatch.Core.Tests.Stories;

public sealed class StoryMatchingTests
{
    private static readonly DateTimeOffset Monday = new(2023, 8, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly StoryComponents _stories = StoryComponents.For(WatchSubjectOptions.XiaomiEv());
    private readonly ArticleAssessor _assessor = ArticleAssessor.ForXiaomiEv();

    [Theory]
    [InlineData("Xiaomi recalled 116,887 vehicles", "116887")]
    [InlineData("小米计划投资100亿美元", "1E+10")]
    [InlineData("Xiaomi will spend $10 billion", "1E+10")]
    [InlineData("年产能20万辆", "200000")]
    [InlineData("200,000 a year", "200000")]
    [InlineData("Umsatz von 10,5 Milliarden Euro", "1.05E+10")]
    [InlineData("batch 385 of the catalogue", "385")]
    public void Quantities_meet_across_languages_and_number_formats(string text, string expected) =>
        Assert.Contains(expected, Quantities.Find(text));

    [Fact]
    public void Days_and_years_are_not_quantities() =>
        Assert.Empty(Quantities.Find("On August 23, 2023 the 4 firms met"));

    [Fact]
    public void Entities_meet_across_scripts()
    {
        var lexicon = _stories.Reader.Lexicon;

        Assert.Equal(lexicon.Find("Xiaomi won NDRC approval").Order(), lexicon.Find("小米获得国家发改委批准").Order());
        Assert.Contains("regulator:MIIT", lexicon.Find("工信部公告"));
        Assert.Contains("party:Borgward", lexicon.Find("宝沃的工厂"));
    }

    [Fact]
    public async Task Rewrites_of_one_event_in_two_languages_join_and_a_same_week_event_of_the_same_company_stays_apart()
    {
        var index = _stories.NewIndex();
        var english = await Assign(index, "a", "Xiaomi wins NDRC approval to build EVs",
            "China's National Development and Reform Commission has approved Xiaomi's plan to build electric vehicles, Reuters reported. The Beijing plant will make 150,000 cars a year.", Monday);
        var chinese = await Assign(index, "b", "小米获发改委批准造车",
            "路透社报道,国家发改委已批准小米生产电动汽车。北京工厂年产能15万辆。", Monday.AddHours(5));
        var recall = await Assign(index, "c", "Xiaomi recalls 30,931 SU7 cars",
            "Xiaomi is recalling 30,931 SU7 Standard Edition cars over a parking-assist fault, the market regulator said.", Monday.AddDays(1));

        Assert.True(english.IsNew);
        Assert.Equal(english.StoryId, chinese.StoryId);
        Assert.NotEqual(english.StoryId, recall.StoryId);
        var summary = await index.GetAsync(english.StoryId, CancellationToken.None);
        Assert.NotNull(summary);
        Assert.Equal(["a", "b"], summary.Sources.Select(s => s.ArticleKey));
        Assert.Equal("Xiaomi wins NDRC approval to build EVs", summary.Title);
    }

    [Fact]
    public async Task Reports_of_one_model_listing_join_with_or_without_the_batch_and_another_approval_of_that_week_stays_apart()
    {
        var index = _stories.NewIndex();
        var batch = await Assign(index, "a", "", "小米SU7正式现身工信部第377批新车公告，已获准上市销售。", Monday);
        var plain = await Assign(index, "b", "", "Седан Xiaomi SU7 внесён в каталог Министерства промышленности и информатизации Китая: модель получила одобрение для продажи.", Monday.AddHours(3));
        var other = await Assign(index, "c", "", "Le Xiaomi YU7 a reçu le feu vert du MIIT : le SUV figure désormais au catalogue des véhicules autorisés à la vente.", Monday.AddHours(6));
        var qualification = await Assign(index, "d", "", "Xiaomi has obtained its own vehicle production qualification from the MIIT and no longer builds the SU7 under BAIC's licence.", Monday.AddDays(1));

        Assert.Equal(batch.StoryId, plain.StoryId);
        Assert.Equal(3, new[] { batch.StoryId, other.StoryId, qualification.StoryId }.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_report_outside_the_window_starts_a_new_story_and_a_redelivery_keeps_its_story()
    {
        var index = _stories.NewIndex();
        const string text = "Xiaomi is recalling 30,931 SU7 Standard Edition cars over a parking-assist fault, the market regulator said.";
        var first = await Assign(index, "a", "Xiaomi recalls SU7 cars", text, Monday);
        var again = await Assign(index, "a", "Xiaomi recalls SU7 cars", text, Monday);
        var late = await Assign(index, "b", "Xiaomi recalls SU7 cars", text, Monday.AddDays(20));

        Assert.Equal((first.StoryId, false), (again.StoryId, again.IsNew));
        Assert.True(late.IsNew);
        var listed = new List<StorySummary>();
        await foreach (var s in index.ListAsync(Monday.AddDays(10), CancellationToken.None))
        {
            listed.Add(s);
        }

        Assert.Equal([late.StoryId], listed.Select(s => s.Id));
    }

    [Fact]
    public void Windows_put_every_joinable_story_in_the_two_buckets_read()
    {
        var windows = new StoryWindows(TimeSpan.FromDays(7));
        for (var hours = 0; hours < 24 * 60; hours += 7)
        {
            var t = Monday.AddHours(hours);
            var (older, newer) = windows.BucketsFor(t);
            foreach (var anchor in new[] { t.AddDays(-7), t.AddDays(7), t })
            {
                Assert.Contains(windows.BucketOf(anchor), new[] { older, newer });
            }
        }
    }

    private Task<StoryAssignment> Assign(InMemoryStoryIndex index, string key, string title, string text, DateTimeOffset at)
    {
        var assessment = _assessor.Assess(new AssessmentInput(title, text, null, at, null));
        return index.AssignAsync(
            new StoryArticle(key, null, title, key + ".example", null, at, _stories.Reader.Read(title, text, assessment)),
            CancellationToken.None);
    }
}
