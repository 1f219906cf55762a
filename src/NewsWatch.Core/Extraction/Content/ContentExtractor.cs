namespace NewsWatch.Extraction.Content;

/// <summary>
/// The article-text half of extraction: boilerplate marking, container scoring, sibling widening,
/// conditional cleaning, rendering, and finally the wording-based line filter. Each step is its own
/// class; this one only fixes their order.
/// </summary>
internal static class ContentExtractor
{
    /// <summary>Below this many characters the first attempt is suspect (Readability uses the same order of magnitude).</summary>
    private const int MinArticleChars = 250;

    public static List<string> ExtractParagraphs(PageTree tree, string? title)
    {
        if (tree.Count == 0)
        {
            return [];
        }

        var headings = new HeadingFilter(tree, title);
        var paragraphs = Attempt(tree, headings, useClassNames: true);
        var pageChars = tree[tree.Body].RawChars;
        if (CharCount(paragraphs) < Math.Min(MinArticleChars, pageChars / 4))
        {
            // Class names misled us (a wrapper called "content-with-sidebar", a body made of
            // "collection-item" cards): try again trusting only tags, roles and visibility.
            BoilerplateMarker.Reset(tree);
            var relaxed = Attempt(tree, headings, useClassNames: false);
            if (CharCount(relaxed) > CharCount(paragraphs))
            {
                return relaxed;
            }
        }

        return paragraphs;
    }

    private static List<string> Attempt(PageTree tree, HeadingFilter headings, bool useClassNames)
    {
        BoilerplateMarker.Mark(tree, useClassNames);
        var top = ContentScorer.FindTopCandidate(tree);
        var roots = SiblingSelector.Select(tree, top);
        BlockCleaner.Clean(tree, roots);
        var paragraphs = TextRenderer.Render(tree, roots, headings.IsTitleOrHeadline);
        return BoilerplateText.Filter(paragraphs);
    }

    private static int CharCount(List<string> paragraphs)
    {
        var total = 0;
        foreach (var p in paragraphs)
        {
            total += p.Length;
        }

        return total;
    }
}
