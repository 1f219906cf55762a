using NewsWatch.Articles;

namespace NewsWatch.Core.Tests.Articles;

public class ArticleKeysTests
{
    [Theory]
    [InlineData("https://News.Example/a/b/?utm_source=x&id=3#top", "https://news.example/a/b?id=3")]
    [InlineData("http://news.example/a?b=2&a=1", "https://news.example/a?a=1&b=2")]
    [InlineData("https://news.example:443/a", "https://news.example/a")]
    public void Normalize_drops_tracking_fragment_and_case(string input, string expected) =>
        Assert.Equal(expected, ArticleKeys.Normalize(new Uri(input)).AbsoluteUri);

    [Fact]
    public void Same_page_under_different_tracking_links_gets_one_key() =>
        Assert.Equal(
            ArticleKeys.For(new Uri("https://news.example/story?utm_medium=rss")),
            ArticleKeys.For(new Uri("https://NEWS.example/story#comments")));

    [Fact]
    public void Different_pages_get_different_keys_of_32_hex_chars()
    {
        var a = ArticleKeys.For(new Uri("https://news.example/story-1"));
        var b = ArticleKeys.For(new Uri("https://news.example/story-2"));
        Assert.NotEqual(a, b);
        Assert.Matches("^[0-9a-f]{32}$", a);
    }
}
