namespace NewsWatch.Extraction.Content;

/// <summary>
/// Removes the blocks inside the chosen article that are not prose: link lists ("Related", "Most
/// read"), image strips, embedded forms, lone labels like "Advertisement". The tests follow
/// Readability's conditional cleaning (link density against class weight, paragraphs against
/// images, inputs and embeds). Runs bottom-up, and subtracts every removed block from its
/// ancestors so that a parent is judged on what is left in it, as with a live DOM.
/// </summary>
internal static class BlockCleaner
{
    public static void Clean(PageTree tree, List<int> roots)
    {
        var nodes = tree.Nodes;
        foreach (var root in roots)
        {
            for (var i = nodes[root].End - 1; i > root; i--)
            {
                ref var node = ref nodes[i];
                if ((node.State & (NodeState.Excluded | NodeState.Removed)) != 0 || !IsCleanable(node.Kind))
                {
                    continue;
                }

                if (ShouldRemove(nodes, i, nodes[root].Chars))
                {
                    Remove(nodes, i, root);
                }
            }
        }
    }

    private static bool IsCleanable(TagKind kind) =>
        kind is TagKind.Block or TagKind.List or TagKind.Table or TagKind.Form or TagKind.Article or TagKind.Inline;

    private static bool ShouldRemove(Span<PageNode> nodes, int index, int rootChars)
    {
        ref var node = ref nodes[index];
        if (node.Chars == 0)
        {
            // Nothing to read here, and nothing lost by dropping it.
            return true;
        }

        if ((node.State & NodeState.ContainsBodyMarker) != 0)
        {
            // The marked article body, or a wrapper of it, is what the cleaning is for.
            return false;
        }

        var weight = ContentScorer.ClassWeight(node);
        if (weight < 0)
        {
            return true;
        }

        if (node.Kind == TagKind.Article && node.LinkedHeadings > 0)
        {
            // An <article> inside the article, headed by a link: a teaser for another story.
            return true;
        }

        if (node.Kind == TagKind.Inline && node.Paragraphs == 0)
        {
            // Inline wrappers are only judged when they hold blocks (custom elements used as divs).
            return false;
        }

        if (node.Commas >= 10)
        {
            // Prose: lists of links and widgets have few commas.
            return false;
        }

        var linkDensity = ContentScorer.LinkDensity(node);
        var isList = node.Kind == TagKind.List || node.ListChars > node.Chars * 0.9;
        if ((!isList && weight < 25 && linkDensity > 0.2f) || linkDensity > 0.5f)
        {
            // Mostly links: a menu, a "related" list, a tag cloud. Lists of prose keep their few links.
            return true;
        }

        if (node.Chars * 2 > rootChars)
        {
            // Most of the article: the structural tests below are for small inserts.
            return false;
        }

        var paragraphs = node.Paragraphs;
        var images = node.Images;
        var listItems = node.ListItems - 100;
        var contentLength = node.Chars;

        if (images > 1 && paragraphs < images * 0.5f)
        {
            return true;
        }

        if (!isList && listItems > paragraphs)
        {
            return true;
        }

        if (node.Inputs > paragraphs / 3)
        {
            return true;
        }

        if (!isList && contentLength < 25 && (images == 0 || images > 2) && linkDensity > 0)
        {
            return true;
        }

        return (node.Embeds == 1 && contentLength < 75) || node.Embeds > 1;
    }

    private static void Remove(Span<PageNode> nodes, int index, int root)
    {
        ref var node = ref nodes[index];
        node.State |= NodeState.Removed;
        for (var ancestor = node.Parent; ancestor >= root; ancestor = nodes[ancestor].Parent)
        {
            ref var a = ref nodes[ancestor];
            a.Chars -= node.Chars;
            a.LinkChars -= node.LinkChars;
            a.Commas -= node.Commas;
            a.Paragraphs -= node.Paragraphs;
            a.ListItems -= node.ListItems;
            a.ListChars -= node.ListChars;
            a.Images -= node.Images;
            a.Inputs -= node.Inputs;
            a.Embeds -= node.Embeds;
            if (ancestor == root)
            {
                break;
            }
        }
    }
}
