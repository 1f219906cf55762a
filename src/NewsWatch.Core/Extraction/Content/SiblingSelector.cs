namespace NewsWatch.Extraction.Content;

/// <summary>
/// Widens the chosen container to the siblings that continue the article: blocks that scored well
/// themselves, share the container's class, or are plain paragraphs of prose. Many sites close the
/// article element around the first paragraphs and keep going in a sibling after an ad slot.
/// </summary>
internal static class SiblingSelector
{
    /// <summary>Marks the selected roots and returns them in document order.</summary>
    public static List<int> Select(PageTree tree, int top)
    {
        var nodes = tree.Nodes;
        var roots = new List<int>(4);
        ref var topNode = ref nodes[top];
        if (topNode.Parent < 0 || top == tree.Body)
        {
            topNode.State |= NodeState.Selected;
            roots.Add(top);
            return roots;
        }

        var threshold = Math.Max(10f, topNode.Score * 0.2f);
        var topClass = topNode.Element?.ClassName;
        var parent = topNode.Parent;
        for (var i = parent + 1; i < nodes[parent].End; i = nodes[i].End)
        {
            ref var sibling = ref nodes[i];
            if ((sibling.State & NodeState.Excluded) != 0 || sibling.Kind == TagKind.Text)
            {
                continue;
            }

            if (i == top || Continues(sibling, topClass, topNode.Score, threshold))
            {
                sibling.State |= NodeState.Selected;
                roots.Add(i);
            }
        }

        return roots;
    }

    private static bool Continues(in PageNode sibling, string? topClass, float topScore, float threshold)
    {
        if (sibling.Chars == 0)
        {
            return false;
        }

        var bonus = !string.IsNullOrEmpty(topClass) && sibling.Element?.ClassName == topClass ? topScore * 0.2f : 0f;
        if ((sibling.State & NodeState.Candidate) != 0 && sibling.Score + bonus >= threshold)
        {
            return true;
        }

        if (LooksLikeProse(sibling))
        {
            return true;
        }

        if (sibling.Kind != TagKind.Paragraph)
        {
            return false;
        }

        var linkDensity = ContentScorer.LinkDensity(sibling);
        return (sibling.Chars > 70 && linkDensity < 0.25f)
            || (sibling.Chars > 0 && linkDensity == 0f && EndsSentence(sibling));
    }

    /// <summary>
    /// A block too deep above its paragraphs to have been scored can still plainly be more of the
    /// article: several paragraphs, few links, sentences with commas.
    /// </summary>
    private static bool LooksLikeProse(in PageNode block) =>
        block.Paragraphs >= 2 && block.Chars >= 300 && block.Commas >= 3 && ContentScorer.LinkDensity(block) < 0.15f;

    /// <summary>A short paragraph still counts when it reads as a sentence (ends with a full stop).</summary>
    private static bool EndsSentence(in PageNode paragraph)
    {
        var content = paragraph.Element?.TextContent;
        var text = content.AsSpan().TrimEnd();
        return !text.IsEmpty && text[^1] is '.' or '!' or '?' or '"' or '”' or '。';
    }
}
