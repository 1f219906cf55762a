namespace NewsWatch.Extraction.Content;

/// <summary>
/// Decides which subtrees are site chrome rather than article (by tag, ARIA role, class/id words and
/// visibility) and then totals what remains. Chrome is only excluded when it is small: a wrapper that
/// holds most of the page's text, or any element that contains an explicit article-body marker, is
/// kept whatever its class says ("main comments-open", a page-wide &lt;form&gt;), because wrongly
/// dropping it would lose the whole article while keeping it costs little — the scorer looks inside.
/// </summary>
internal static class BoilerplateMarker
{
    /// <summary>Share of the page's text above which an element is a page wrapper, not a widget.</summary>
    private const double WrapperShare = 0.6;

    /// <summary>
    /// Share above which even a hidden element is kept: pages that hide everything until a script
    /// runs. Below it, hidden copies (schema.org duplicates of the body, collapsed menus) are dropped.
    /// </summary>
    private const double HiddenWrapperShare = 0.8;

    /// <summary>A "body" class on a few words of text is a teaser's "item-content", not the article.</summary>
    private const int MinMarkedBodyChars = 150;

    /// <param name="useClassNames">False for the second attempt on pages where trusting class names left almost nothing.</param>
    public static void Mark(PageTree tree, bool useClassNames = true)
    {
        var nodes = tree.Nodes;
        MarkHidden(nodes);
        MarkBodyContainers(nodes);
        var bodyChars = nodes[tree.Body].RawChars;
        var limits = new Limits((int)(bodyChars * WrapperShare), (int)(bodyChars * HiddenWrapperShare), useClassNames);
        for (var i = 0; i < nodes.Length; i++)
        {
            ref var node = ref nodes[i];
            var parentExcluded = node.Parent >= 0 && (nodes[node.Parent].State & NodeState.Excluded) != 0;
            if (parentExcluded || IsChrome(node, limits))
            {
                node.State |= NodeState.Excluded;
            }
        }

        Total(nodes);
    }

    /// <summary>Clears everything a previous <see cref="Mark"/> and the later steps computed, keeping what the builder found.</summary>
    public static void Reset(PageTree tree)
    {
        foreach (ref var node in tree.Nodes)
        {
            node.State = NodeState.None;
            node.Chars = node.LinkChars = node.InlineChars = node.Paragraphs = node.ListItems = node.ListChars = node.LinkedHeadings = 0;
            node.Score = 0;
            if (node.Kind != TagKind.Skip)
            {
                node.Images = node.Inputs = node.Embeds = 0;
            }

            if (node.Kind != TagKind.Text)
            {
                node.Commas = 0;
            }
        }
    }

    private readonly record struct Limits(int WrapperChars, int HiddenWrapperChars, bool UseClassNames);

    private static bool IsChrome(in PageNode node, Limits limits)
    {
        if (node.Kind is TagKind.Skip or TagKind.Title or TagKind.Head)
        {
            return true;
        }

        if (node.Kind == TagKind.Body || node.Parent < 0)
        {
            // Class names on <html> and <body> describe the page type ("single-post has-comments"), never chrome.
            return false;
        }

        if ((node.Hint & NodeHint.Hidden) != 0)
        {
            return node.RawChars < limits.HiddenWrapperChars;
        }

        var chromeByTag = node.Kind is TagKind.Navigation or TagKind.Aside or TagKind.Footer or TagKind.Header
            or TagKind.Form or TagKind.Figure or TagKind.Caption;

        // Quotes are never chrome by class: embedded posts ("twitter-tweet") quote what the article cites.
        var chromeByHint = (node.Hint & NodeHint.ChromeRole) != 0
            || (limits.UseClassNames && node.Kind != TagKind.Quote && (node.Hint & NodeHint.Negative) != 0
                && (node.Hint & (NodeHint.BodyContainer | NodeHint.ArticleBody)) == 0);
        if (!chromeByTag && !chromeByHint)
        {
            return false;
        }

        var holdsArticle = (node.State & NodeState.ContainsBodyMarker) != 0 || node.RawChars >= limits.WrapperChars;
        return !holdsArticle;
    }

    /// <summary>Flags every node under a hidden element (forward pass: parents come before children).</summary>
    private static void MarkHidden(Span<PageNode> nodes)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            ref var node = ref nodes[i];
            if ((node.Hint & NodeHint.Hidden) != 0 || (node.Parent >= 0 && (nodes[node.Parent].State & NodeState.InHidden) != 0))
            {
                node.State |= NodeState.InHidden;
            }
        }
    }

    /// <summary>
    /// Flags every ancestor of an explicit, visible body marker (backward pass: children come after
    /// parents). A marker inside a hidden block is a schema.org copy for crawlers and protects nothing.
    /// </summary>
    private static void MarkBodyContainers(Span<PageNode> nodes)
    {
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            ref var node = ref nodes[i];
            if ((node.Hint & (NodeHint.ArticleBody | NodeHint.BodyContainer)) != 0 && (node.State & NodeState.InHidden) == 0
                && node.RawChars >= MinMarkedBodyChars)
            {
                node.State |= NodeState.ContainsBodyMarker;
            }

            if ((node.State & NodeState.ContainsBodyMarker) != 0 && node.Parent >= 0)
            {
                nodes[node.Parent].State |= NodeState.ContainsBodyMarker;
            }
        }
    }

    /// <summary>Sums characters, link characters, commas and block counts over the kept nodes, bottom-up.</summary>
    private static void Total(Span<PageNode> nodes)
    {
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            ref var node = ref nodes[i];
            if ((node.State & NodeState.Excluded) != 0)
            {
                // Images, inputs and embeds are themselves excluded (no text) but still tell what a block is made of.
                if (node.Kind == TagKind.Skip && node.Parent >= 0 && (nodes[node.Parent].State & NodeState.Excluded) == 0)
                {
                    ref var owner = ref nodes[node.Parent];
                    owner.Images += node.Images;
                    owner.Inputs += node.Inputs;
                    owner.Embeds += node.Embeds;
                }

                continue;
            }

            switch (node.Kind)
            {
                case TagKind.Text:
                    node.Chars = node.RawChars;
                    node.InlineChars = node.RawChars;
                    node.LinkChars = (node.Hint & NodeHint.InLink) != 0 ? node.RawChars : 0;
                    break;
                case TagKind.Paragraph:
                    node.Paragraphs++;
                    break;
                case TagKind.ListItem:
                    node.ListItems++;
                    node.ListChars = node.Chars;
                    break;
                case TagKind.Heading when node.Chars > 0 && node.LinkChars * 2 > node.Chars:
                    node.LinkedHeadings++;
                    break;
                default:
                    break;
            }

            if (node.Parent < 0)
            {
                continue;
            }

            ref var parent = ref nodes[node.Parent];
            parent.Chars += node.Chars;
            parent.LinkChars += node.LinkChars;
            parent.Commas += node.Commas;
            parent.Paragraphs += node.Paragraphs;
            parent.ListItems += node.ListItems;
            parent.ListChars += node.ListChars;
            parent.LinkedHeadings += node.LinkedHeadings;
            parent.Images += node.Images;
            parent.Inputs += node.Inputs;
            parent.Embeds += node.Embeds;
            if (!TagKinds.IsBlock(node.Kind))
            {
                parent.InlineChars += node.InlineChars;
            }
        }
    }
}
