using System.Globalization;
using System.Text.Json;
using Moq;
using NewsWatch.Alerts;
using NewsWatch.Articles;
using NewsWatch.Core.Tests.Alerts;
using NewsWatch.Extraction;
using NewsWatch.Fetching;
using NewsWatch.Pipeline;
using NewsWatch.Testing.Http;
using NewsWatch.Testing.Repo;

namespace NewsWatch.Core.Tests.Pipeline;

/// <summary>
/// Which alerts whole articles produce: fetch → extract → assess → record, with the real recorder and an
/// in-memory outbox. Pages are served on loopback as "title / published / body" text, so the extractor is
/// a seam and the assessment sees exactly the article.
/// </summary>
public sealed class ApprovalAlertPipelineTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;
    private readonly Mock<IArticleExtractor> _extractor = new();
    private readonly AlertHarness _alerts = new();

    public async Task InitializeAsync()
    {
        _server = await LoopbackHttpServer.StartAsync();
        _extractor.Setup(e => e.Extract(It.IsAny<Article>())).Returns((Article a) =>
        {
            var lines = System.Text.Encoding.UTF8.GetString(a.Body).Split('\n', 3);
            return new ArticleExtraction
            {
                Title = lines[0],
                Published = DateTimeOffset.Parse(lines[1], CultureInfo.InvariantCulture),
                Text = lines[2],
                CanonicalUrl = a.Url,
            };
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<IReadOnlyList<AlertRecord>> RunAsync(params (string Path, string Title, string Published, string Body)[] pages)
    {
        using var h = new PipelineHarness(TimeProvider.System, _extractor.Object, _alerts.Recorder());
        foreach (var (path, title, published, body) in pages)
        {
            _server.Serve(path, $"{title}\n{published}\n{body}", "text/plain; charset=utf-8");
            await h.Process.RunAsync(new ArticleMessage("f", path, _server.Url(path), title, null, DateTimeOffset.UtcNow));
        }

        return [.. _alerts.Outbox.All.Where(a => a.Status == "granted")];
    }

    [Fact]
    public async Task The_offline_sample_gives_exactly_one_email_and_seeds_000_and_002_are_one_ndrc_event()
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "offline", "pages.json")));
        var pages = new List<(string, string, string, string)>();
        foreach (var page in manifest.RootElement.GetProperty("pages").EnumerateArray())
        {
            var seed = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, page.GetProperty("seed").GetString()!));
            var title = page.TryGetProperty("title", out var t) ? t.GetString()! : seed.Split('\n')[0];
            pages.Add(("/" + page.GetProperty("slug").GetString(), title, page.GetProperty("published").GetString()!, seed));
        }

        var granted = await RunAsync([.. pages]);

        var alert = Assert.Single(granted);
        Assert.Equal("v2|xiaomi-ev|ndrc|investment-approval|company", alert.EventKey);
        Assert.Equal(2, alert.Sources.Count);
        Assert.Equal("Xiaomi gets NDRC approval to build electric vehicles", alert.Headline);
    }

    [Fact]
    public async Task Two_models_listed_in_the_miit_catalogue_are_two_emails_with_distinct_subjects()
    {
        var granted = await RunAsync(
            ("/su7", "Xiaomi SU7 appears in MIIT catalogue", "2023-11-15T09:00:00Z",
                "Xiaomi's first car, the SU7 sedan, has been listed in the MIIT's catalogue of new vehicles, batch 377.\nThe filing shows a 4,997 mm long body."),
            ("/yu7", "小米YU7获批进入工信部目录", "2025-06-05T08:00:00Z",
                "小米首款SUV小米YU7已获批，现身工信部最新一批新车公告。\n新车预计本月发布。"),
            ("/yu7-en", "Xiaomi YU7 cleared for sale", "2025-06-05T10:00:00Z",
                "The Xiaomi YU7 has been approved for sale by the Ministry of Industry and Information Technology, which listed it in its catalogue on Thursday."));

        Assert.True(granted.Count == 2, string.Join("; ", granted.Select(a => a.EventKey)));
        var subjects = granted.Select(a => _alerts.Composer.Compose(a).Subject).ToList();
        Assert.Equal(2, subjects.Distinct().Count());
        Assert.Contains("Xiaomi SU7 listed in MIIT vehicle catalogue (approval for sale), batch 377", subjects);
        Assert.Contains("Xiaomi YU7 listed in MIIT vehicle catalogue (approval for sale)", subjects);
        var yu7 = Assert.Single(granted, a => a.Model == "YU7");
        Assert.Equal(2, yu7.Sources.Count); // the Chinese and the English report of one listing: one email
    }

    [Fact]
    public async Task A_delivery_or_earnings_story_with_a_background_grant_sends_nothing()
    {
        var granted = await RunAsync(
            ("/deliveries", "Xiaomi delivers over 20,000 cars in May", "2025-06-01T08:00:00Z",
                "Xiaomi delivered more than 20,000 SU7 sedans in May.\nThe company, which won its independent production qualification last year, plans a second plant."),
            ("/earnings", "Xiaomi EV unit narrows loss", "2025-03-18T08:00:00Z",
                "Xiaomi's EV business narrowed its quarterly loss as deliveries rose.\nThe unit began production after the state planner cleared its project in August 2023."));

        Assert.Empty(granted);
        Assert.DoesNotContain(_alerts.Outbox.All, a => a.Status == "granted");
    }
}
