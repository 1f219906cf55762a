using System.Collections.Frozen;
using AngleSharp.Html.Parser.Tokens.Struct;

namespace NewsWatch.Extraction.Content;

/// <summary>
/// The attributes extraction reads; the parser is told to drop every other one. On news pages
/// srcset, data-*, event handlers and above all the href of every link are most of the attribute
/// bytes, and each kept attribute costs the parser an object and a string.
/// </summary>
internal static class AttributeFilter
{
    /// <summary>Read on any element: what it is for and whether it is shown.</summary>
    private static readonly FrozenSet<string> Everywhere = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "class", "id", "style", "hidden", "aria-hidden", "role", "itemprop", "property");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EverywhereLookup =
        Everywhere.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool ShouldEmit(ref StructHtmlToken token, ReadOnlyMemory<char> name)
    {
        var attribute = name.Span;
        if (EverywhereLookup.Contains(attribute))
        {
            return true;
        }

        // The rest matter on one element type each (metadata), so the tag decides.
        ReadOnlySpan<char> tag = token.Name;
        return tag switch
        {
            "meta" => Is(attribute, "content") || Is(attribute, "name") || Is(attribute, "http-equiv") || Is(attribute, "charset"),
            "link" => Is(attribute, "rel") || Is(attribute, "href"),
            "time" => Is(attribute, "datetime") || Is(attribute, "pubdate"),
            "html" => Is(attribute, "lang") || Is(attribute, "xml:lang"),
            _ => false,
        };
    }

    private static bool Is(ReadOnlySpan<char> attribute, string name) => attribute.Equals(name, StringComparison.OrdinalIgnoreCase);
}
