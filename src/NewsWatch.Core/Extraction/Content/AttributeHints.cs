using AngleSharp.Dom;

namespace NewsWatch.Extraction.Content;

/// <summary>
/// Reads the attributes that say what an element is for. Attributes are walked once per element
/// (rather than one GetAttribute call per name, each a linear scan), and class/id verdicts are
/// memoised per page because the same class strings repeat on hundreds of elements.
/// </summary>
internal sealed class AttributeHints
{
    private readonly Dictionary<string, NodeHint> _cache = new(StringComparer.Ordinal);

    public NodeHint Read(IElement element)
    {
        var attributes = element.Attributes;
        var hint = NodeHint.None;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i];
            if (attribute is null)
            {
                continue;
            }

            var value = attribute.Value;
            switch (attribute.Name)
            {
                case "class":
                case "id":
                    hint |= Classify(value);
                    break;
                case "hidden":
                    hint |= NodeHint.Hidden;
                    break;
                case "aria-hidden":
                    hint |= value.Equals("true", StringComparison.OrdinalIgnoreCase) ? NodeHint.Hidden : NodeHint.None;
                    break;
                case "style":
                    hint |= IsHiddenByStyle(value) ? NodeHint.Hidden : NodeHint.None;
                    break;
                case "role":
                    hint |= RoleHint(value);
                    break;
                case "itemprop":
                    hint |= ItemPropHint(value);
                    break;
                case "property":
                    // RDFa (schema.org) marks the body the same way microdata's itemprop does.
                    hint |= value.Contains("articleBody", StringComparison.OrdinalIgnoreCase) ? NodeHint.ArticleBody : NodeHint.None;
                    break;
                default:
                    break;
            }
        }

        return hint;
    }

    private NodeHint Classify(string value)
    {
        if (value.Length == 0)
        {
            return NodeHint.None;
        }

        if (!_cache.TryGetValue(value, out var hint))
        {
            hint = ClassNameHints.Classify(value);
            _cache[value] = hint;
        }

        return hint;
    }

    private static NodeHint RoleHint(string role) => role.Trim().ToUpperInvariant() switch
    {
        "NAVIGATION" or "BANNER" or "CONTENTINFO" or "COMPLEMENTARY" or "SEARCH" or "MENU" or "MENUBAR" or "DIALOG"
            or "ALERTDIALOG" or "TOOLBAR" or "TABLIST" => NodeHint.ChromeRole,
        "MAIN" or "ARTICLE" => NodeHint.Positive,
        _ => NodeHint.None,
    };

    private static NodeHint ItemPropHint(string itemprop)
    {
        // Not "text": schema.org uses it for comments (Comment.text) far more than for articles.
        if (itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase)
            || itemprop.Equals("reviewBody", StringComparison.OrdinalIgnoreCase))
        {
            return NodeHint.ArticleBody;
        }

        // Microdata for the byline, date, headline and image caption: about the article, not in it.
        return itemprop.ToUpperInvariant() switch
        {
            "AUTHOR" or "CREATOR" or "DATEPUBLISHED" or "DATEMODIFIED" or "DATECREATED" or "HEADLINE" or "CAPTION"
                or "PUBLISHER" or "KEYWORDS" or "ALTERNATIVEHEADLINE" => NodeHint.Negative | NodeHint.Furniture,
            _ => NodeHint.None,
        };
    }

    /// <summary>display:none or visibility:hidden in an inline style, tolerant of spacing and case.</summary>
    private static bool IsHiddenByStyle(string style)
    {
        var s = style.AsSpan();
        return HasDeclaration(s, "display", "none") || HasDeclaration(s, "visibility", "hidden");
    }

    private static bool HasDeclaration(ReadOnlySpan<char> style, string property, string value)
    {
        var at = style.IndexOf(property, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var rest = style[(at + property.Length)..].TrimStart();
            if (rest.StartsWith(':'))
            {
                rest = rest[1..].TrimStart();
                if (rest.StartsWith(value, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            var next = style[(at + property.Length)..].IndexOf(property, StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + property.Length + next;
        }

        return false;
    }
}
