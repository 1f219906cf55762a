using Microsoft.Extensions.Options;
using NewsWatch.Stories;

namespace NewsWatch.Core.Tests.Stories;

public class InMemoryStoryIndexTests
{
    private static readonly DateTimeOffset Monday = new(2023, 8, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly StoryFingerprinter _fingerprinter = new(Options.Create(new StoryOptions()));
    private readonly InMemoryStoryIndex _index = new(Options.Create(new StoryOptions()));

    private Task<StoryAssignment> Assign(string key, string text, DateTimeOffset at) =>
        _index.AssignAsync(key, _fingerprinter.Compute(text), at, CancellationToken.None);

    [Fact]
    public async Task A_syndicated_copy_joins_the_story_of_the_original()
    {
        var first = await Assign("site-a/1", StoryFixtures.Original, Monday);
        var copy = await Assign("site-b/9", StoryFixtures.SyndicatedCopy, Monday.AddHours(3));
        var other = await Assign("site-c/4", StoryFixtures.Unrelated, Monday.AddHours(4));

        Assert.True(first.IsNew);
        Assert.Equal(StoryIds.ForFirstArticle("site-a/1"), first.StoryId);
        Assert.False(copy.IsNew);
        Assert.Equal(first.StoryId, copy.StoryId);
        Assert.True(copy.Similarity >= 0.4);
        Assert.True(other.IsNew);
        Assert.Equal(["site-a/1", "site-b/9"], _index.Stories[first.StoryId]);
    }

    [Fact]
    public async Task Assigning_an_article_again_returns_its_story()
    {
        var first = await Assign("site-a/1", StoryFixtures.Original, Monday);
        var again = await Assign("site-a/1", StoryFixtures.Original, Monday.AddDays(1));

        Assert.Equal((first.StoryId, false), (again.StoryId, again.IsNew));
        Assert.Single(_index.Stories);
    }

    [Fact]
    public async Task A_story_quiet_for_longer_than_its_age_limit_takes_no_new_members()
    {
        var first = await Assign("site-a/1", StoryFixtures.Original, Monday);
        var late = await Assign("site-b/9", StoryFixtures.SyndicatedCopy, Monday.AddDays(30));

        Assert.True(late.IsNew);
        Assert.NotEqual(first.StoryId, late.StoryId);
    }

    [Fact]
    public async Task Short_texts_are_never_grouped()
    {
        var a = await Assign("a", "Xiaomi SU7 news", Monday);
        var b = await Assign("b", "Xiaomi SU7 news", Monday);

        Assert.NotEqual(a.StoryId, b.StoryId);
    }
}
