using System.Globalization;
using System.Net;
using System.Text;

namespace NewsWatch.Cli.Sample;

/// <summary>
/// Renders a seed article as a realistic news page: the body sits among navigation, ads, captions,
/// newsletter boxes, related-story teasers and footers, built from the roles in the manifest, so the
/// offline demo exercises the same boilerplate removal as the live web.
/// </summary>
internal static class SamplePageRenderer
{
    public static string Render(SamplePage page, IReadOnlyList<string> seedLines)
    {
        string Lines(SampleBlock b) => string.Join("\n", Range(b, seedLines));
        var title = page.Title ?? page.Blocks.Where(b => b.Role == "title").Select(Lines).FirstOrDefault() ?? page.Slug;
        var canonical = $"https://{page.Domain}/news/{page.Slug}";
        var standfirst = page.Blocks.Where(b => b.Role == "standfirst").Select(Lines).FirstOrDefault();
        var published = page.Published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{E(title)} | {E(page.Site)}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="description" content="{E(standfirst ?? title)}">
            <meta property="og:title" content="{E(title)}">
            <meta property="og:site_name" content="{E(page.Site)}">
            <meta property="og:type" content="article">
            <meta property="article:published_time" content="{published}">
            <link rel="canonical" href="{canonical}">
            <script src="/assets/analytics.js" async></script>
            </head>
            <body class="article-page">
            <header class="site-header"><a class="logo" href="/">{E(page.Site)}</a>
            <nav class="main-nav"><ul><li><a href="/ev">EVs</a></li><li><a href="/tech">Tech</a></li><li><a href="/markets">Markets</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
            </header>
            <div class="ad-slot ad-leaderboard">Advertisement</div>
            <main class="content">
            <article class="story">

            """);

        foreach (var block in page.Blocks)
        {
            html.Append(RenderBlock(block, Range(block, seedLines).ToList(), page, title, published));
        }

        html.Append("""
            </article>
            <aside class="sidebar"><div class="ad-slot ad-mpu">Advertisement</div>
            <section class="most-read"><h3>Most read</h3><ol><li><a href="/a">Battery prices fall again</a></li><li><a href="/b">Charging network doubles</a></li></ol></section>
            </aside>
            </main>
            <div class="cookie-notice" role="dialog">We use cookies to improve your experience. <button>Accept all</button> <a href="/privacy">Manage preferences</a></div>
            <footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
            <p>Copyright 2026. All rights reserved.</p></footer>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static string RenderBlock(SampleBlock block, List<string> lines, SamplePage page, string title, string published)
    {
        string Paragraphs(string cls) => string.Concat(lines.Select(l => $"<p class=\"{cls}\">{E(l)}</p>\n"));
        return block.Role switch
        {
            "title" => $"<header class=\"story-header\"><h1>{E(title)}</h1>\n<div class=\"meta\"><span class=\"author\">{E(page.Author ?? page.Site)}</span> <time datetime=\"{published}\">{published[..10]}</time></div></header>\n",
            "standfirst" => $"<p class=\"standfirst\">{E(string.Join(" ", lines))}</p>\n"
                + (page.Blocks.Any(b => b.Role == "title") ? "" : $"<h1>{E(title)}</h1>\n<div class=\"meta\"><span class=\"author\">{E(page.Author ?? page.Site)}</span> <time datetime=\"{published}\">{published[..10]}</time></div>\n"),
            "dateline" => $"<div class=\"breadcrumb-dateline\">{E(string.Join(" ", lines))}</div>\n",
            "byline" => $"<div class=\"byline\">{string.Concat(lines.Select(l => $"<span>{E(l)}</span> "))}</div>\n",
            "caption" => $"<figure class=\"lead-image\"><img src=\"/img/{page.Slug}.jpg\" alt=\"\"><figcaption>{E(string.Join(" ", lines))}</figcaption></figure>\n",
            "body" => "<div class=\"story-body\">\n" + Paragraphs("") + "</div>\n",
            "also-read" => string.Concat(lines.Select(l => $"<p class=\"also-read\"><a href=\"/related/{Math.Abs(l.Length)}\">{E(l)}</a></p>\n")),
            "source" => $"<p class=\"source-credit\"><em>{E(string.Join(" ", lines))}</em></p>\n",
            "published-note" => $"<div class=\"published-date\">{E(string.Join(" ", lines))}</div>\n",
            "tags" => $"<div class=\"tags\">{E(string.Join(" ", lines))}</div>\n",
            "newsletter" => $"<aside class=\"newsletter-signup\">\n{Paragraphs("promo")}<form><input type=\"email\" placeholder=\"Email\"><button>Subscribe</button></form></aside>\n",
            "teasers" => "<section class=\"related-stories\">\n" + string.Concat(lines.Select(Teaser)) + "</section>\n",
            "banner" => $"<div class=\"site-banner\">{string.Concat(lines.Select(l => $"<div>{E(l)}</div>"))}</div>\n",
            "compare" => $"<div class=\"compare-widget\"><span>{E(string.Join(" ", lines))}</span></div>\n",
            _ => throw new InvalidDataException($"sample page {page.Slug}: unknown block role '{block.Role}'"),
        };
    }

    /// <summary>Teaser lists mix headlines (short, no final stop), excerpts and "Read More" links.</summary>
    private static string Teaser(string line) =>
        line.StartsWith("Read more", StringComparison.OrdinalIgnoreCase)
            ? $"<a class=\"read-more\" href=\"/more\">{E(line)}</a>\n"
            : line.Length < 110 && !line.TrimEnd().EndsWith('.')
                ? $"<h4 class=\"teaser-title\"><a href=\"/story/{line.Length}\">{E(line)}</a></h4>\n"
                : $"<p class=\"teaser-excerpt\">{E(line)}</p>\n";

    private static IEnumerable<string> Range(SampleBlock b, IReadOnlyList<string> lines) =>
        Enumerable.Range(b.FirstLine, b.LastLine - b.FirstLine + 1)
            .Where(n => n >= 1 && n <= lines.Count)
            .Select(n => lines[n - 1].Trim())
            .Where(l => l.Length > 0);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
