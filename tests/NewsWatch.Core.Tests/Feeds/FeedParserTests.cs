using System.Text;
using NewsWatch.Feeds;

namespace NewsWatch.Core.Tests.Feeds;

public class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://news.example/feed/");

    private static IReadOnlyList<FeedItem> Parse(string xml) =>
        new FeedParser().Parse("f1", FeedUrl, new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    [Fact]
    public void Rss2_items_carry_guid_link_title_and_date()
    {
        var items = Parse("""
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>EV</title>
              <item><title>Xiaomi SU7 deliveries</title><link>https://news.example/a?utm_source=rss</link>
                <guid isPermaLink="false">post-1</guid><pubDate>Tue, 22 Aug 2023 08:00:00 +0800</pubDate>
                <description>Lead</description></item>
              <item><title>No guid</title><link>/relative/b</link><pubDate>Wed, 23 Aug 2023 10:00 GMT</pubDate></item>
            </channel></rss>
            """);

        Assert.Equal(2, items.Count);
        Assert.Equal("post-1", items[0].ItemId);
        Assert.Equal("Xiaomi SU7 deliveries", items[0].Title);
        Assert.Equal(new DateTimeOffset(2023, 8, 22, 0, 0, 0, TimeSpan.Zero), items[0].Published!.Value.ToUniversalTime());
        Assert.Equal("https://news.example/relative/b", items[1].Link.AbsoluteUri);
        Assert.Equal(items[1].Link.AbsoluteUri, items[1].ItemId);
        Assert.Equal(new DateTimeOffset(2023, 8, 23, 10, 0, 0, TimeSpan.Zero), items[1].Published);
    }

    [Fact]
    public void Atom_entries_use_alternate_link_and_id()
    {
        var items = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
              <entry><id>tag:news.example,2023:1</id><title>MIIT catalogue lists Xiaomi</title>
                <link rel="enclosure" href="https://cdn.example/img.jpg"/>
                <link rel="alternate" href="https://news.example/miit"/>
                <published>2023-11-15T09:30:00Z</published><updated>2023-11-16T09:30:00Z</updated></entry>
            </feed>
            """);

        var item = Assert.Single(items);
        Assert.Equal("tag:news.example,2023:1", item.ItemId);
        Assert.Equal("https://news.example/miit", item.Link.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2023, 11, 15, 9, 30, 0, TimeSpan.Zero), item.Published);
    }

    [Fact]
    public void Rss1_rdf_items_are_read()
    {
        var items = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <item rdf:about="https://news.example/r1"><title>R1</title><link>https://news.example/r1</link><dc:date>2023-01-02T03:04:05Z</dc:date></item>
            </rdf:RDF>
            """);

        var item = Assert.Single(items);
        Assert.Equal("https://news.example/r1", item.ItemId);
        Assert.Equal(new DateTimeOffset(2023, 1, 2, 3, 4, 5, TimeSpan.Zero), item.Published);
    }

    [Fact]
    public void Malformed_xml_gives_a_clear_error_with_position()
    {
        var ex = Assert.Throws<FeedFormatException>(() => Parse("<rss><channel><item><title>cut off"));
        Assert.Contains("f1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not well-formed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_instead_of_a_feed_is_named_in_the_error()
    {
        var ex = Assert.Throws<FeedFormatException>(() => Parse("<html><body>Not found</body></html>"));
        Assert.Contains("<html>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOPSECRET");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
                <rss version="2.0"><channel><item><title>&xxe;</title><link>https://news.example/x</link></item></channel></rss>
                """;
            // DTDs are ignored, so the entity stays undeclared: the feed is refused and the file is never read.
            var ex = Assert.Throws<FeedFormatException>(() => Parse(xml));
            Assert.DoesNotContain("TOPSECRET", ex.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Items_without_a_usable_link_are_skipped_not_fatal()
    {
        var items = Parse("""
            <rss version="2.0"><channel>
              <item><title>no link</title></item>
              <item><title>js link</title><link>javascript:alert(1)</link></item>
              <item><title>ok</title><link>https://news.example/ok</link></item>
            </channel></rss>
            """);
        Assert.Equal("ok", Assert.Single(items).Title);
    }

    [Fact]
    public void A_link_to_a_local_file_is_kept_so_the_fetcher_refuses_it_visibly()
    {
        var items = Parse("""
            <rss version="2.0"><channel>
              <item><title>local</title><link>file:///etc/passwd</link></item>
              <item><title>ftp</title><link>ftp://files.example/a.html</link></item>
            </channel></rss>
            """);
        Assert.Equal(["file:///etc/passwd", "ftp://files.example/a.html"], items.Select(i => i.Link.AbsoluteUri));
    }

    [Theory]
    [InlineData("Tue, 22 Aug 2023 08:00:00 GMT", "2023-08-22T08:00:00+00:00")]
    [InlineData("22 Aug 2023 08:00:00 +0800", "2023-08-22T00:00:00+00:00")]
    [InlineData("Tue, 22 Aug 2023 08:00:00 EST", "2023-08-22T13:00:00+00:00")]
    [InlineData("2023-08-22T08:00:00+02:00", "2023-08-22T06:00:00+00:00")]
    [InlineData("2023-08-22", "2023-08-22T00:00:00+00:00")]
    public void Feed_dates_in_real_world_formats_parse(string text, string expectedUtc)
    {
        var parsed = FeedDates.Parse(text);
        Assert.NotNull(parsed);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), parsed!.Value.ToUniversalTime());
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday-ish")]
    public void Garbled_dates_are_null(string text) => Assert.Null(FeedDates.Parse(text));
}
