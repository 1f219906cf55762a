using System.Globalization;

namespace NewsWatch.Extraction.Decoding;

/// <summary>
/// Refuses pages nested absurdly deep before they reach the HTML parser, whose tree building slows down with the
/// square of the depth (100,000 nested <c>div</c>s take most of a minute). The depth is estimated by a single pass
/// over the tags, without building anything: elements that are void or usually left unclosed do not count, and
/// script, style, textarea and comments are skipped, so real pages (depth well under 100) are never near the limit.
/// </summary>
internal static class NestingGuard
{
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "tr", "td", "th", "!doctype",
    };

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "noscript"];

    public static void EnsureShallowEnough(string html, int maxDepth)
    {
        var depth = EstimateMaxDepth(html, stopAbove: maxDepth);
        if (depth > maxDepth)
        {
            throw new ExtractionException(
                ExtractionFailure.TooDeep,
                string.Create(CultureInfo.InvariantCulture, $"page nests elements more than {maxDepth:N0} deep (Extraction:MaxNestingDepth)"));
        }
    }

    /// <summary>The estimated deepest nesting, or a value above <paramref name="stopAbove"/> as soon as it is exceeded.</summary>
    public static int EstimateMaxDepth(ReadOnlySpan<char> html, int stopAbove = int.MaxValue)
    {
        int depth = 0, max = 0, i = 0;
        while ((i = IndexOf(html, '<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!' && html[(i + 1)..].StartsWith("!--", StringComparison.Ordinal))
            {
                var end = html[(i + 4)..].IndexOf("-->", StringComparison.Ordinal);
                i = end < 0 ? html.Length : i + 4 + end + 3;
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '!' or '-' or ':'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !(char.IsAsciiLetter(html[nameStart]) || html[nameStart] == '!'))
            {
                i++;
                continue; // "<" in text, "a < b"
            }

            var name = html[nameStart..nameEnd].ToString();
            var tagEnd = html[nameEnd..].IndexOf('>');
            tagEnd = tagEnd < 0 ? html.Length : nameEnd + tagEnd;
            if (closing)
            {
                depth = Math.Max(0, depth - (NotCounted.Contains(name) ? 0 : 1));
            }
            else if (!NotCounted.Contains(name) && !(tagEnd > 0 && tagEnd < html.Length && html[tagEnd - 1] == '/'))
            {
                max = Math.Max(max, ++depth);
                if (max > stopAbove)
                {
                    return max;
                }
            }

            i = tagEnd;
            if (!closing && Array.Exists(RawText, t => t.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                var close = html[i..].IndexOf(("</" + name).AsSpan(), StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : i + close;
            }
        }

        return max;
    }

    private static int IndexOf(ReadOnlySpan<char> text, char c, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var found = text[from..].IndexOf(c);
        return found < 0 ? -1 : from + found;
    }
}
