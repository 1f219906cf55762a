namespace NewsWatch.Extraction.Content;

/// <summary>
/// Keeps the headline out of the body text: an &lt;h1&gt; is the page's headline (article subheads
/// use h2–h6), and any heading that repeats the title is one too. Subheadings stay — they are part
/// of what the author wrote.
/// </summary>
internal sealed class HeadingFilter(PageTree tree, string? title)
{
    private readonly string? _title = title is null ? null : Normalise(title);

    public bool IsTitleOrHeadline(int index)
    {
        var element = tree[index].Element;
        if (element is null)
        {
            return false;
        }

        if (element.LocalName == "h1")
        {
            return true;
        }

        if (_title is null || _title.Length == 0)
        {
            return false;
        }

        var text = Normalise(element.TextContent);
        return text.Length > 0 && (text == _title || (text.Length > 20 && _title.Contains(text, StringComparison.Ordinal)));
    }

    private static string Normalise(string value) => Whitespace.Collapse(value).ToUpperInvariant();
}
