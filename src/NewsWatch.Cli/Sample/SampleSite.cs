using System.Globalization;
using System.Net;
using System.Text;

namespace NewsWatch.Cli.Sample;

/// <summary>Options for the offline sample site (section "NewsWatch:Sample").</summary>
internal sealed class SampleSiteOptions
{
    public int Port { get; set; } = 8651;

    public string? SeedsDirectory { get; set; }

    public string? Manifest { get; set; }
}

/// <summary>
/// The offline sample: an RSS feed and five article pages rendered from the seed articles, plus a
/// malformed feed, so that the whole pipeline runs with no internet.
/// </summary>
internal sealed class SampleSite
{
    private readonly SampleManifest _manifest;
    private readonly string _seedsDirectory;

    public SampleSite(string manifestPath, string seedsDirectory)
    {
        if (!Directory.Exists(seedsDirectory))
        {
            throw new DirectoryNotFoundException(
                $"sample seeds folder '{seedsDirectory}' does not exist; the offline sample needs the shared/ folder beside the repository");
        }

        _manifest = SampleManifest.Load(manifestPath);
        _seedsDirectory = seedsDirectory;
    }

    public IReadOnlyList<SamplePage> Pages => _manifest.Pages;

    public string? RenderPage(string slug)
    {
        var page = _manifest.Pages.FirstOrDefault(p => p.Slug == slug);
        return page is null ? null : SamplePageRenderer.Render(page, File.ReadAllLines(Path.Combine(_seedsDirectory, page.Seed)));
    }

    public string RenderFeed(Uri baseUrl)
    {
        var rss = new StringBuilder();
        rss.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel>
            <title>NewsWatch offline sample</title>
            <link>{baseUrl}</link>
            <description>Five EV news articles served from loopback for the offline demo.</description>

            """);
        foreach (var page in _manifest.Pages.OrderByDescending(p => p.Published))
        {
            var link = new Uri(baseUrl, $"news/{page.Slug}.html");
            var title = page.Title ?? RenderTitleFromSeed(page);
            rss.Append(CultureInfo.InvariantCulture, $"""
                <item>
                  <title>{WebUtility.HtmlEncode(title)}</title>
                  <link>{link}</link>
                  <guid isPermaLink="false">{page.Domain}/{page.Slug}</guid>
                  <pubDate>{page.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate>
                  <dc:creator>{WebUtility.HtmlEncode(page.Author ?? page.Site)}</dc:creator>
                </item>

                """);
        }

        rss.Append("</channel>\n</rss>\n");
        return rss.ToString();
    }

    /// <summary>A feed that breaks off mid-element, like a truncated download or a broken CMS template.</summary>
    public static string RenderBrokenFeed() =>
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Broken sample feed</title><item><title>Unclosed item</title>\n";

    private string RenderTitleFromSeed(SamplePage page)
    {
        var block = page.Blocks.First(b => b.Role == "title");
        return File.ReadAllLines(Path.Combine(_seedsDirectory, page.Seed))[block.FirstLine - 1].Trim();
    }
}
