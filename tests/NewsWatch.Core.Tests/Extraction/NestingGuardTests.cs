using NewsWatch.Extraction;
using NewsWatch.Extraction.Decoding;

namespace NewsWatch.Core.Tests.Extraction;

public sealed class NestingGuardTests
{
    [Fact]
    public void Nested_blocks_are_counted_to_their_depth()
    {
        var html = string.Concat(Enumerable.Repeat("<div class=\"x\">", 300)) + "text" + string.Concat(Enumerable.Repeat("</div>", 300));

        Assert.Equal(300, NestingGuard.EstimateMaxDepth(html));
    }

    [Fact]
    public void Unclosed_paragraphs_void_elements_self_closing_tags_and_script_text_do_not_add_depth()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<p>para<br><img src=a.png><li>item<svg/>", 5000))
            + "<script>for (i = 0; i < 9; i++) document.write('<div><div><div>');</script><!-- <div><div> -->"
            + "a < b</body></html>";

        Assert.Equal(3, NestingGuard.EstimateMaxDepth(html)); // html, body, script
    }

    [Fact]
    public void A_page_built_to_be_deep_is_refused_with_the_setting_named()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000));

        var ex = Assert.Throws<ExtractionException>(() => new ArticleExtractor().ExtractHtml(html, null));

        Assert.Contains("Extraction:MaxNestingDepth", ex.Message, StringComparison.Ordinal);
    }
}
