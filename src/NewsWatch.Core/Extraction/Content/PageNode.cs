using AngleSharp.Dom;

namespace NewsWatch.Extraction.Content;

/// <summary>
/// One element or text node of the page, flattened. Nodes are stored in document (pre-)order, so a
/// subtree is the index range [index, <see cref="End"/>) and every parent comes before its children:
/// aggregation is a single backward loop and inheritance a single forward loop, with no recursion
/// (deeply nested malformed pages cannot overflow the stack).
/// </summary>
internal struct PageNode
{
    public int Parent;

    /// <summary>One past the last descendant.</summary>
    public int End;

    public IElement? Element;

    /// <summary>Character data for <see cref="TagKind.Text"/> nodes.</summary>
    public string? Text;

    public TagKind Kind;

    public NodeHint Hint;

    public NodeState State;

    /// <summary>Visible (non-whitespace) characters in the whole subtree, before any boilerplate is removed.</summary>
    public int RawChars;

    /// <summary>Visible characters in the subtree that survive boilerplate removal.</summary>
    public int Chars;

    /// <summary>Of <see cref="Chars"/>, those inside links.</summary>
    public int LinkChars;

    /// <summary>Commas in the kept text: prose has them, menus and teasers rarely do.</summary>
    public int Commas;

    /// <summary>Of <see cref="Chars"/>, those not inside a nested block: the node's own running text.</summary>
    public int InlineChars;

    /// <summary>Kept &lt;p&gt; elements in the subtree.</summary>
    public int Paragraphs;

    /// <summary>Kept list items in the subtree.</summary>
    public int ListItems;

    /// <summary>Of <see cref="Chars"/>, those inside list items.</summary>
    public int ListChars;

    /// <summary>Kept headings whose text is mostly a link: the mark of a teaser for another article.</summary>
    public int LinkedHeadings;

    /// <summary>Images in the kept subtree (an &lt;img&gt; node itself holds 1).</summary>
    public int Images;

    /// <summary>Form inputs in the subtree.</summary>
    public int Inputs;

    /// <summary>Embedded players and frames in the subtree.</summary>
    public int Embeds;

    /// <summary>Readability-style content score, meaningful for candidate containers only.</summary>
    public float Score;
}

/// <summary>Decisions taken about a node during extraction.</summary>
[Flags]
internal enum NodeState : byte
{
    None = 0,

    /// <summary>The node or an ancestor is boilerplate: it contributes no text.</summary>
    Excluded = 1 << 0,

    /// <summary>A descendant (or the node) carries an article-body marker.</summary>
    ContainsBodyMarker = 1 << 1,

    /// <summary>The node received a content score (it is a container of scored paragraphs).</summary>
    Candidate = 1 << 2,

    /// <summary>Removed by the cleaner inside the chosen article container.</summary>
    Removed = 1 << 3,

    /// <summary>Selected as (part of) the article.</summary>
    Selected = 1 << 4,

    /// <summary>The node or an ancestor is not rendered (hidden attribute, display:none...).</summary>
    InHidden = 1 << 5,
}
