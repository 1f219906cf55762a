using NewsWatch.Extraction;

namespace NewsWatch.Core.Tests.Extraction;

public sealed class MetadataTests
{
    private static readonly Uri Url = new("https://news.example.com/2019/11/19/story-slug/");

    private static ArticleExtraction Extract(string head, string body = "<p>Body text of the article, long enough to be the article, with commas, and so on.</p>") =>
        new ArticleExtractor().ExtractHtml($"<html lang=\"en_GB\"><head>{head}</head><body><article>{body}</article></body></html>", Url);

    [Fact]
    public void Reads_open_graph_and_article_tags()
    {
        var e = Extract("""
            <title>Ignored | Example News</title>
            <meta property="og:title" content="The &amp; headline">
            <meta property="og:site_name" content="Example News">
            <meta property="og:image" content="/img/lead.jpg">
            <meta property="og:description" content="A short summary.">
            <meta property="article:published_time" content="2019-11-19T10:15:00-05:00">
            <meta property="article:modified_time" content="2019-11-19T12:00:00-0500">
            <meta name="author" content="Jane Doe and John Roe">
            <link rel="canonical" href="/2019/11/19/story-slug/">
            """);

        Assert.Equal("The & headline", e.Title);
        Assert.Equal("Example News", e.SiteName);
        Assert.Equal(new Uri("https://news.example.com/img/lead.jpg"), e.ImageUrl);
        Assert.Equal("A short summary.", e.Description);
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 10, 15, 0, TimeSpan.FromHours(-5)), e.Published);
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 12, 0, 0, TimeSpan.FromHours(-5)), e.Updated);
        Assert.Equal(["Jane Doe", "John Roe"], e.Authors);
        Assert.Equal(new Uri("https://news.example.com/2019/11/19/story-slug/"), e.CanonicalUrl);
        Assert.Equal("en-GB", e.Language);
    }

    [Fact]
    public void Reads_json_ld_news_article_inside_a_graph()
    {
        var e = Extract("""
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":["NewsArticle"],"headline":"From JSON-LD","datePublished":"2021-03-30T08:00:00Z","dateModified":"2021-03-31T09:30:00Z",
               "author":[{"@type":"Person","name":"Ann Author"},{"@type":"Person","name":"Bob Writer"}],
               "publisher":{"@type":"Organization","name":"Publisher Inc"},"image":{"@type":"ImageObject","url":"https://cdn.example.com/a.jpg"},
               "inLanguage":"zh-CN"}]}
            </script>
            """);

        Assert.Equal("From JSON-LD", e.Title);
        Assert.Equal(new DateTimeOffset(2021, 3, 30, 8, 0, 0, TimeSpan.Zero), e.Published);
        Assert.Equal(new DateTimeOffset(2021, 3, 31, 9, 30, 0, TimeSpan.Zero), e.Updated);
        Assert.Equal(["Ann Author", "Bob Writer"], e.Authors);
        Assert.Equal("Publisher Inc", e.SiteName);
        Assert.Equal(new Uri("https://cdn.example.com/a.jpg"), e.ImageUrl);
    }

    [Fact]
    public void Broken_json_ld_is_ignored()
    {
        var e = Extract("""<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",</script><title>Fallback title</title>""");

        Assert.Equal("Fallback title", e.Title);
    }

    [Fact]
    public void Title_element_loses_the_site_suffix()
    {
        var e = Extract("""<title>Parise scores 2 goals, Wild beat Sabres 4-1 - Twin Cities</title><meta property="og:site_name" content="Twin Cities">""");

        Assert.Equal("Parise scores 2 goals, Wild beat Sabres 4-1", e.Title);
    }

    [Fact]
    public void Time_element_then_url_give_the_date_when_meta_is_silent()
    {
        var withTime = Extract("<title>t</title>", """<time datetime="2018-10-09T07:30:00+01:00" pubdate>Oct 9</time><p>Body text of the article, long enough, with commas, and so on and on.</p>""");
        var fromUrl = Extract("<title>t</title>");

        Assert.Equal(new DateTimeOffset(2018, 10, 9, 7, 30, 0, TimeSpan.FromHours(1)), withTime.Published);
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 0, 0, 0, TimeSpan.Zero), fromUrl.Published);
    }

    [Theory]
    [InlineData("2019-11-19", 2019, 11, 19)]
    [InlineData("Tue, 19 Nov 2019 10:00:00 GMT", 2019, 11, 19)]
    [InlineData("November 19, 2019", 2019, 11, 19)]
    [InlineData("1574157600", 2019, 11, 19)]
    [InlineData("2019/11/19 08:00:00", 2019, 11, 19)]
    public void Parses_common_date_formats(string value, int year, int month, int day)
    {
        var e = Extract($"""<meta name="pubdate" content="{value}">""");

        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(e.Published!.Value.UtcDateTime));
    }

    [Fact]
    public void Visible_byline_is_the_last_resort_for_authors()
    {
        var e = Extract("<title>t</title>", """<div class="byline">By Maria Garcia | Nov 19, 2019</div><p>Body text of the article, long enough, with commas, and so on and on.</p>""");

        Assert.Equal(["Maria Garcia"], e.Authors);
    }
}
