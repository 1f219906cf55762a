namespace NewsWatch.Extraction.Metadata;

/// <summary>
/// Removes the site name that &lt;title&gt; usually carries ("Headline | The Site", "The Site - Headline"):
/// the part that equals the site name, or failing that a much shorter outer part, is dropped.
/// </summary>
internal static class TitleCleaner
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];

    public static string? Clean(string? title, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var text = System.Net.WebUtility.HtmlDecode(Whitespace.Collapse(title));
        foreach (var separator in Separators)
        {
            var last = text.LastIndexOf(separator, StringComparison.Ordinal);
            var first = text.IndexOf(separator, StringComparison.Ordinal);
            if (last < 0)
            {
                continue;
            }

            var tail = text[(last + separator.Length)..].Trim();
            var head = text[..first].Trim();
            if (siteName is not null && tail.Equals(siteName, StringComparison.OrdinalIgnoreCase))
            {
                return text[..last].Trim();
            }

            if (siteName is not null && head.Equals(siteName, StringComparison.OrdinalIgnoreCase))
            {
                return text[(first + separator.Length)..].Trim();
            }

            if (tail.Length * 3 < last)
            {
                return text[..last].Trim();
            }
        }

        return text;
    }
}
