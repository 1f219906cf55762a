using System.Text;
using NewsWatch.Articles;
using NewsWatch.Assessment;
using NewsWatch.Core.Tests.Extraction.Fixtures;
using NewsWatch.Extraction;
using NewsWatch.Stories;
using NewsWatch.Testing.Repo;

namespace NewsWatch.Core.Tests.Stories;

/// <summary>
/// The five seed articles through the real extractor, assessor and story index, in seed order: the NDRC approval
/// (000, 002) is one story, the Borgward report (001, 004) another, and the 2022 BAIC report (003) stands alone.
/// </summary>
public sealed class SeedStoryTests
{
    /// <summary>When each seed was published, for pages that do not say (001 and 004 carry no machine-readable date).</summary>
    private static Dictionary<string, DateTimeOffset> Dates => new(StringComparer.Ordinal)
    {
        ["seed-000"] = new(2023, 8, 10, 0, 30, 0, TimeSpan.Zero),
        ["seed-001"] = new(2023, 2, 15, 2, 0, 0, TimeSpan.Zero),
        ["seed-002"] = new(2023, 8, 11, 9, 0, 0, TimeSpan.Zero),
        ["seed-003"] = new(2022, 8, 27, 5, 13, 0, TimeSpan.Zero),
        ["seed-004"] = new(2023, 2, 15, 8, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task Seed_pages_group_into_the_three_events_they_report()
    {
        var stories = await AssignAsync(SeedPages.All.Select(p => (p.Name, Html: p.Html, Published: (DateTimeOffset?)null)));

        AssertSeedGrouping(stories);
    }

    [Fact]
    public async Task Full_seed_texts_group_into_the_three_events_they_report()
    {
        // The whole seed texts (with their page clutter), each in a plain page dated like its seed page.
        var dates = Dates;
        var pages = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(path =>
        {
            var name = "seed-" + Path.GetFileName(path)[..3];
            var paragraphs = File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + System.Net.WebUtility.HtmlEncode(paragraphs[0])
                + "</title></head><body><article>" + string.Concat(paragraphs.Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>"))
                + "</article></body></html>";
            return (name, html, (DateTimeOffset?)dates[name]);
        }).ToList();

        Assert.Equal(5, pages.Count);
        AssertSeedGrouping(await AssignAsync(pages));
    }

    private static void AssertSeedGrouping((Dictionary<string, string> Story, string Explanation) result)
    {
        var (story, why) = result;
        Assert.True(story["seed-000"] == story["seed-002"], why);
        Assert.True(story["seed-001"] == story["seed-004"], why);
        Assert.True(story["seed-000"] != story["seed-001"], why);
        Assert.True(story["seed-003"] != story["seed-000"], why);
        Assert.True(story["seed-003"] != story["seed-001"], why);
    }

    private static async Task<(Dictionary<string, string> Story, string Explanation)> AssignAsync(IEnumerable<(string Name, string Html, DateTimeOffset? Published)> pages)
    {
        var subject = WatchSubjectOptions.XiaomiEv();
        var components = StoryComponents.For(subject);
        var index = components.NewIndex();
        var assessor = ArticleAssessor.ForXiaomiEv();
        var extractor = new ArticleExtractor();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var why = new StringBuilder();
        foreach (var (name, html, published) in pages)
        {
            var url = new Uri($"https://{name}.example/news/1");
            var encoding = html.Contains("charset=\"windows-1252\"", StringComparison.Ordinal)
                ? CodePagesEncodingProvider.Instance.GetEncoding(1252)!
                : Encoding.UTF8;
            var extraction = extractor.Extract(new Article(url, url, "text/html", null, encoding.GetBytes(html), DateTimeOffset.UnixEpoch));
            var when = published ?? extraction.Published ?? Dates[name];
            var assessment = assessor.Assess(new AssessmentInput(extraction.Title, extraction.Text, url, when, extraction.Language));
            var evidence = components.Reader.Read(extraction.Title, extraction.Text, assessment);
            var assignment = await index.AssignAsync(
                new StoryArticle(name, url, extraction.Title, extraction.SiteName ?? url.Host, extraction.Language, when, evidence),
                CancellationToken.None);
            result[name] = assignment.StoryId;
            why.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"{name} {when:yyyy-MM-dd} -> {assignment.StoryId} ({assignment.Score:0.0}): events {string.Join(' ', evidence.EventKeys)} | entities {string.Join(' ', evidence.Entities)} | quantities {string.Join(' ', evidence.Quantities)} | title {string.Join(' ', evidence.TitleWords)}");
        }

        return (result, why.ToString());
    }
}
