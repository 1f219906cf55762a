using System.Text.RegularExpressions;
using NewsWatch.Extraction.Content;

namespace NewsWatch.Extraction.Metadata;

/// <summary>
/// Last resort for authors when neither JSON-LD nor meta tags name any: the visible byline, i.e. the
/// first short element whose class marks it as byline/author furniture and whose text reads
/// "By Jane Doe" (anything after a separator such as "|" or a date is cut off).
/// </summary>
internal static partial class BylineFinder
{
    private const int MaxBylineChars = 120;

    public static List<string> Find(PageTree tree)
    {
        foreach (ref var node in tree.Nodes)
        {
            if ((node.Hint & NodeHint.Furniture) == 0 || node.Element is null || node.RawChars is 0 or > MaxBylineChars)
            {
                continue;
            }

            var match = Byline().Match(Whitespace.Collapse(node.Element.TextContent));
            if (match.Success)
            {
                return [match.Groups["names"].Value.Trim()];
            }
        }

        return [];
    }

    [GeneratedRegex(@"^(?:written\s+)?by\s*:?\s*(?<names>[^|·•\d\n]{2,80}?)\s*(?:$|[|·•\n]|\bupdated\b|\bpublished\b|\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Byline();
}
