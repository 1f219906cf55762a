namespace NewsWatch.Extraction.Content;

/// <summary>
/// Finds the element that holds the article, in the manner of Readability: every paragraph-like
/// block scores by its length and commas, the score flows to its ancestors (less with each level),
/// each candidate is discounted by its link density, and the best one wins. Then, as Readability
/// does, the choice is widened when the text is split across siblings or nested one level too deep.
/// </summary>
internal static class ContentScorer
{
    private const int MinParagraphChars = 20;
    private const int AncestorLevels = 5;
    private const int AlternativesNeeded = 3;

    /// <summary>Scores the kept nodes and returns the index of the best article container.</summary>
    public static int FindTopCandidate(PageTree tree)
    {
        var nodes = tree.Nodes;
        for (var i = 0; i < nodes.Length; i++)
        {
            ref var node = ref nodes[i];
            if ((node.State & NodeState.Excluded) != 0)
            {
                continue;
            }

            var length = ScoredLength(node);
            if (length < MinParagraphChars || node.Parent < 0)
            {
                continue;
            }

            var commas = node.Chars > 0 ? node.Commas * length / node.Chars : 0;
            var score = 1f + commas + Math.Min(length / 90f, 3f);
            var ancestor = node.Parent;
            for (var level = 0; level < AncestorLevels && ancestor >= 0; level++)
            {
                ref var candidate = ref nodes[ancestor];
                if ((candidate.State & NodeState.Candidate) == 0)
                {
                    candidate.State |= NodeState.Candidate;
                    candidate.Score = InitialScore(candidate);
                }

                candidate.Score += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
                ancestor = candidate.Parent;
            }
        }

        var top = -1;
        var topScore = float.MinValue;
        for (var i = 0; i < nodes.Length; i++)
        {
            ref var node = ref nodes[i];
            if ((node.State & NodeState.Candidate) == 0)
            {
                continue;
            }

            node.Score *= 1f - LinkDensity(node);
            if (node.Score > topScore)
            {
                topScore = node.Score;
                top = i;
            }
        }

        if (top < 0)
        {
            return tree.Body;
        }

        top = PreferCommonAncestor(nodes, top, tree.Body);
        top = ClimbWhileParentScoresHigher(nodes, top, tree.Body);
        return ClimbSingleChildWrappers(nodes, top, tree.Body);
    }

    public static float LinkDensity(in PageNode node) => node.Chars == 0 ? 0f : (float)node.LinkChars / node.Chars;

    /// <summary>Class-name weight as Readability applies it, extended by explicit body markers.</summary>
    public static float ClassWeight(in PageNode node)
    {
        var weight = 0f;
        if ((node.Hint & NodeHint.Positive) != 0)
        {
            weight += 25;
        }

        if ((node.Hint & NodeHint.BodyContainer) != 0)
        {
            weight += 25;
        }

        if ((node.Hint & NodeHint.ArticleBody) != 0)
        {
            weight += 50;
        }

        if ((node.Hint & NodeHint.Negative) != 0)
        {
            weight -= 25;
        }

        return weight;
    }

    /// <summary>
    /// Characters that count for a scored block: a paragraph's text, or the loose text of a div that
    /// writes its paragraphs without &lt;p&gt; (text and &lt;br&gt; directly inside it). The headline
    /// (h1) and list items are not paragraphs, as in Readability.
    /// </summary>
    private static int ScoredLength(in PageNode node) => node.Kind switch
    {
        TagKind.Paragraph or TagKind.Pre or TagKind.Cell or TagKind.Quote => node.Chars,
        TagKind.Heading => node.Element?.LocalName == "h1" ? 0 : node.Chars,
        TagKind.Block or TagKind.Article or TagKind.Main or TagKind.Inline => node.InlineChars,
        _ => 0,
    };

    private static float InitialScore(in PageNode node)
    {
        var tagScore = node.Kind switch
        {
            TagKind.Block or TagKind.Article or TagKind.Main => 5,
            TagKind.Pre or TagKind.Cell or TagKind.Quote => 3,
            TagKind.List or TagKind.ListItem or TagKind.Form => -3,
            TagKind.Heading => -5,
            _ => 0,
        };
        return tagScore + ClassWeight(node);
    }

    /// <summary>
    /// When several of the best-scoring candidates share an ancestor with the winner, the article is
    /// split across them (paragraph groups between ads), so that shared ancestor is the real container.
    /// </summary>
    private static int PreferCommonAncestor(Span<PageNode> nodes, int top, int body)
    {
        Span<int> best = stackalloc int[5];
        var count = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            if ((nodes[i].State & NodeState.Candidate) == 0 || i == top)
            {
                continue;
            }

            // Insertion into a tiny sorted array: the top handful is all that matters.
            var at = count;
            while (at > 0 && nodes[best[at - 1]].Score < nodes[i].Score)
            {
                at--;
            }

            if (at >= best.Length)
            {
                continue;
            }

            var last = Math.Min(count, best.Length - 1);
            for (var k = last; k > at; k--)
            {
                best[k] = best[k - 1];
            }

            best[at] = i;
            count = Math.Min(count + 1, best.Length);
        }

        var topScore = nodes[top].Score;
        Span<int> alternatives = stackalloc int[5];
        var alternativeCount = 0;
        foreach (var candidate in best[..count])
        {
            if (nodes[candidate].Score >= topScore * 0.75f)
            {
                alternatives[alternativeCount++] = candidate;
            }
        }

        if (alternativeCount < AlternativesNeeded)
        {
            return top;
        }

        for (var ancestor = nodes[top].Parent; ancestor >= 0 && ancestor != body; ancestor = nodes[ancestor].Parent)
        {
            var contained = 0;
            foreach (var alternative in alternatives[..alternativeCount])
            {
                contained += IsAncestor(nodes, ancestor, alternative) ? 1 : 0;
            }

            if (contained >= AlternativesNeeded)
            {
                return ancestor;
            }
        }

        return top;
    }

    /// <summary>Readability's step up: a parent that scores higher than the child holds more of the article.</summary>
    private static int ClimbWhileParentScoresHigher(Span<PageNode> nodes, int top, int body)
    {
        var lastScore = nodes[top].Score;
        var threshold = lastScore / 3;
        for (var parent = nodes[top].Parent; parent >= 0 && parent != body; parent = nodes[parent].Parent)
        {
            if ((nodes[parent].State & NodeState.Candidate) == 0)
            {
                continue;
            }

            var parentScore = nodes[parent].Score;
            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                return parent;
            }

            lastScore = parentScore;
        }

        return top;
    }

    /// <summary>A wrapper whose only content is the candidate is the same container one level up.</summary>
    private static int ClimbSingleChildWrappers(Span<PageNode> nodes, int top, int body)
    {
        while (nodes[top].Parent >= 0 && nodes[top].Parent != body && nodes[nodes[top].Parent].Chars == nodes[top].Chars)
        {
            top = nodes[top].Parent;
        }

        return top;
    }

    private static bool IsAncestor(Span<PageNode> nodes, int ancestor, int node) => ancestor < node && node < nodes[ancestor].End;
}
