using System.Text;
using NewsWatch.Articles;
using NewsWatch.Extraction;
using Microsoft.Extensions.Options;

namespace NewsWatch.Core.Tests.Extraction;

/// <summary>Malformed, empty, binary, mislabelled and oversized input: a clear result or a clear error, never a crash.</summary>
public sealed class ExtractionErrorTests
{
    private static readonly Uri Url = new("https://example.com/story");

    private static Article Page(byte[] body, string? mediaType = "text/html", string? charset = null) =>
        new(Url, Url, mediaType, charset, body, DateTimeOffset.UnixEpoch);

    private static Article Page(string html, string? mediaType = "text/html") => Page(Encoding.UTF8.GetBytes(html), mediaType);

    [Fact]
    public void Oversized_page_is_refused_with_its_size_in_the_message()
    {
        var body = new byte[50 * 1024 * 1024];
        "<html><body><p>"u8.CopyTo(body);
        body.AsSpan(15).Fill((byte)'a');

        var error = Assert.Throws<ExtractionException>(() => new ArticleExtractor().Extract(Page(body)));

        Assert.Equal(ExtractionFailure.TooLarge, error.Failure);
        Assert.Contains("52,428,800 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_cap_comes_from_options()
    {
        var extractor = new ArticleExtractor(Options.Create(new ExtractionOptions { MaxBodyBytes = 100 }));

        var error = Assert.Throws<ExtractionException>(() => extractor.Extract(Page("<p>" + new string('x', 200) + "</p>")));

        Assert.Equal(ExtractionFailure.TooLarge, error.Failure);
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("image/jpeg")]
    [InlineData("application/json")]
    public void Non_html_content_type_is_refused(string mediaType)
    {
        var error = Assert.Throws<ExtractionException>(() => new ArticleExtractor().Extract(Page("<p>hello</p>", mediaType)));

        Assert.Equal(ExtractionFailure.NotHtml, error.Failure);
        Assert.Contains(mediaType, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_garbage_is_refused_even_when_labelled_html()
    {
        var random = new Random(42);
        var body = new byte[4096];
        random.NextBytes(body);
        body[0] = (byte)'<';

        var error = Assert.Throws<ExtractionException>(() => new ArticleExtractor().Extract(Page(body)));

        Assert.Equal(ExtractionFailure.Binary, error.Failure);
    }

    [Fact]
    public void Known_file_signature_is_named_in_the_error()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

        var error = Assert.Throws<ExtractionException>(() => new ArticleExtractor().Extract(Page(png, "application/octet-stream")));

        Assert.Equal(ExtractionFailure.Binary, error.Failure);
        Assert.Contains("PNG", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    public void Empty_body_is_refused(string body)
    {
        var error = Assert.Throws<ExtractionException>(() => new ArticleExtractor().Extract(Page(body)));

        Assert.Equal(ExtractionFailure.Empty, error.Failure);
    }

    [Fact]
    public void Page_without_article_gives_an_empty_result()
    {
        var result = new ArticleExtractor().Extract(Page("<html><head><title>Nothing here</title></head><body></body></html>"));

        Assert.False(result.HasText);
        Assert.Equal(0, result.WordCount);
        Assert.Equal("Nothing here", result.Title);
    }

    [Fact]
    public void Malformed_html_still_yields_its_text()
    {
        const string html = "<html><body><div class=story><p>First paragraph of the story, with a comma, and more words to make it count.<p>Second paragraph <b>bold <i>italic</b> still going, unclosed</i> and fine.</div></span></table><p>Stray closing tags do not matter.";

        var result = new ArticleExtractor().Extract(Page(html));

        Assert.Contains("First paragraph of the story", result.Text, StringComparison.Ordinal);
        Assert.Contains("Second paragraph bold italic still going, unclosed and fine.", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_markup_up_to_the_nesting_limit_is_extracted_without_recursion()
    {
        var html = new StringBuilder("<html><body>");
        html.Insert(html.Length, "<div>", new ExtractionOptions().MaxNestingDepth - 5);
        html.Append("<p>Deep inside the nesting, the article text still comes out, as it should.</p>");

        var result = new ArticleExtractor().Extract(Page(html.ToString()));

        Assert.Contains("Deep inside the nesting", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_labelled_html_is_extracted_as_text()
    {
        var result = new ArticleExtractor().Extract(Page("Just a line of plain text, served as HTML by a misconfigured server, nothing else.", mediaType: null));

        Assert.Contains("Just a line of plain text", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_charset_header_is_corrected_and_reported()
    {
        var body = Encoding.UTF8.GetBytes("<html><body><article><p>Zürich’s “naïve” café, déjà vu — a page whose server says Latin-1.</p></article></body></html>");

        var result = new ArticleExtractor().Extract(Page(body, "text/html", charset: "iso-8859-1"));

        Assert.Contains("Zürich’s “naïve” café", result.Text, StringComparison.Ordinal);
        Assert.Equal("utf-8", result.Encoding);
    }
}
