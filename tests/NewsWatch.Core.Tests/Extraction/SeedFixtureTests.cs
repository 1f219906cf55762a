using System.Text;
using NewsWatch.Articles;
using NewsWatch.Core.Tests.Extraction.Fixtures;
using NewsWatch.Extraction;
using NewsWatch.Extraction.Decoding;

namespace NewsWatch.Core.Tests.Extraction;

/// <summary>The five seed articles: every body paragraph stays, every junk line goes.</summary>
public sealed class SeedFixtureTests
{
    public static TheoryData<string> Seeds => new(SeedPages.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Keeps_every_body_paragraph(string name)
    {
        var page = SeedPages.All.Single(p => p.Name == name);
        var text = Extract(page).Text;

        foreach (var paragraph in page.Body)
        {
            Assert.Contains(paragraph, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Drops_every_junk_line(string name)
    {
        var page = SeedPages.All.Single(p => p.Name == name);
        var text = Extract(page).Text;

        foreach (var junk in page.Junk)
        {
            Assert.DoesNotContain(junk, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Separates_paragraphs_with_blank_lines()
    {
        var paragraphs = Extract(SeedPages.AutoPortal).Text.Split("\n\n");

        // Each source <p> is one paragraph of its own, whole.
        Assert.Contains(paragraphs, p => p.StartsWith("Sources familiar with the matter", StringComparison.Ordinal)
            && p.EndsWith("would lead to an agreement.", StringComparison.Ordinal));
        Assert.Contains("The company also launched an internally developed autonomous driving technology called Pilot Technology.", paragraphs);
    }

    [Fact]
    public void Decodes_a_windows_1252_page_by_its_meta_charset()
    {
        var extraction = Extract(SeedPages.GadgetBlog);

        Assert.Equal("windows-1252", extraction.Encoding);
        Assert.Equal(EncodingSource.Meta, extraction.EncodingSource);
    }

    /// <summary>Encodes the page the way its own meta tag says, as a server would have sent it.</summary>
    private static ArticleExtraction Extract(SeedPages.SeedPage page)
    {
        var encoding = page.Html.Contains("charset=\"windows-1252\"", StringComparison.Ordinal)
            ? CodePagesEncodingProvider.Instance.GetEncoding(1252)!
            : Encoding.UTF8;
        var url = new Uri($"https://example.com/{page.Name}");
        var article = new Article(url, url, "text/html", Charset: null, encoding.GetBytes(page.Html), DateTimeOffset.UnixEpoch);
        return new ArticleExtractor().Extract(article);
    }
}
