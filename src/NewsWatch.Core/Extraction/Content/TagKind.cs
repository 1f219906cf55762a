using System.Collections.Frozen;

namespace NewsWatch.Extraction.Content;

/// <summary>What an element means for text extraction; decided once per element from its tag name.</summary>
internal enum TagKind : byte
{
    /// <summary>Phrasing content (span, b, em...): its text flows into the enclosing paragraph.</summary>
    Inline,

    /// <summary>Never holds readable article text (script, style, svg, form controls, media...).</summary>
    Skip,

    /// <summary>The document head: walked for metadata, never rendered.</summary>
    Head,

    /// <summary>Generic block container (div, section...).</summary>
    Block,
    Paragraph,
    Heading,
    Title,
    List,
    ListItem,
    Quote,
    Pre,
    Table,
    Row,
    Cell,
    Break,
    Anchor,
    Figure,
    Caption,
    Navigation,
    Aside,
    Footer,
    Header,
    Form,
    Article,
    Main,
    Body,
    Text,
}

internal static class TagKinds
{
    private static readonly FrozenDictionary<string, TagKind> ByName = new Dictionary<string, TagKind>(StringComparer.Ordinal)
    {
        ["script"] = TagKind.Skip, ["style"] = TagKind.Skip, ["noscript"] = TagKind.Skip, ["template"] = TagKind.Skip,
        ["svg"] = TagKind.Skip, ["math"] = TagKind.Skip, ["canvas"] = TagKind.Skip, ["iframe"] = TagKind.Skip,
        ["object"] = TagKind.Skip, ["embed"] = TagKind.Skip, ["video"] = TagKind.Skip, ["audio"] = TagKind.Skip,
        ["source"] = TagKind.Skip, ["track"] = TagKind.Skip, ["map"] = TagKind.Skip, ["head"] = TagKind.Head,
        ["meta"] = TagKind.Skip, ["link"] = TagKind.Skip, ["base"] = TagKind.Skip, ["input"] = TagKind.Skip,
        ["button"] = TagKind.Skip, ["select"] = TagKind.Skip, ["option"] = TagKind.Skip, ["textarea"] = TagKind.Skip,
        ["datalist"] = TagKind.Skip, ["output"] = TagKind.Skip, ["progress"] = TagKind.Skip, ["meter"] = TagKind.Skip,
        ["dialog"] = TagKind.Skip, ["img"] = TagKind.Skip, ["picture"] = TagKind.Skip, ["label"] = TagKind.Skip,
        ["frameset"] = TagKind.Skip, ["frame"] = TagKind.Skip, ["noembed"] = TagKind.Skip, ["noframes"] = TagKind.Skip,
        ["title"] = TagKind.Title,
        ["div"] = TagKind.Block, ["section"] = TagKind.Block, ["center"] = TagKind.Block, ["details"] = TagKind.Block,
        ["summary"] = TagKind.Block, ["address"] = TagKind.Block, ["hgroup"] = TagKind.Block, ["fieldset"] = TagKind.Block,
        ["legend"] = TagKind.Block, ["dl"] = TagKind.List, ["hr"] = TagKind.Break,
        ["p"] = TagKind.Paragraph,
        ["h1"] = TagKind.Heading, ["h2"] = TagKind.Heading, ["h3"] = TagKind.Heading, ["h4"] = TagKind.Heading,
        ["h5"] = TagKind.Heading, ["h6"] = TagKind.Heading,
        ["ul"] = TagKind.List, ["ol"] = TagKind.List, ["menu"] = TagKind.List,
        ["li"] = TagKind.ListItem, ["dd"] = TagKind.ListItem, ["dt"] = TagKind.ListItem,
        ["blockquote"] = TagKind.Quote,
        ["pre"] = TagKind.Pre,
        ["table"] = TagKind.Table, ["tr"] = TagKind.Row, ["td"] = TagKind.Cell, ["th"] = TagKind.Cell,
        ["thead"] = TagKind.Block, ["tbody"] = TagKind.Block, ["tfoot"] = TagKind.Block,
        ["br"] = TagKind.Break,
        ["a"] = TagKind.Anchor,
        ["figure"] = TagKind.Figure, ["figcaption"] = TagKind.Caption, ["caption"] = TagKind.Caption,
        ["nav"] = TagKind.Navigation, ["aside"] = TagKind.Aside, ["footer"] = TagKind.Footer,
        ["header"] = TagKind.Header, ["form"] = TagKind.Form,
        ["article"] = TagKind.Article, ["main"] = TagKind.Main, ["body"] = TagKind.Body, ["html"] = TagKind.Block,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Kind of an element by its lower-case local name; unknown and custom tags count as inline.</summary>
    public static TagKind Of(string localName) => ByName.TryGetValue(localName, out var kind) ? kind : TagKind.Inline;

    /// <summary>Elements whose boundaries break the text flow into separate paragraphs.</summary>
    public static bool IsBlock(TagKind kind) => kind is not (TagKind.Inline or TagKind.Anchor or TagKind.Text or TagKind.Skip);
}
