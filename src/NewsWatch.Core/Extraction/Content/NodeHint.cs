namespace NewsWatch.Extraction.Content;

/// <summary>What an element's attributes (class, id, role, itemprop, hidden...) say about it.</summary>
[Flags]
internal enum NodeHint : ushort
{
    None = 0,

    /// <summary>Class or id reads like an article container ("article-body", "entry-content").</summary>
    Positive = 1 << 0,

    /// <summary>Class or id reads like site chrome (share bar, related list, newsletter box, byline...).</summary>
    Negative = 1 << 1,

    /// <summary>Not rendered: hidden attribute, aria-hidden, display:none, or a screen-reader-only class.</summary>
    Hidden = 1 << 2,

    /// <summary>Explicitly marks the article body (itemprop="articleBody", schema.org articleBody).</summary>
    ArticleBody = 1 << 3,

    /// <summary>ARIA landmark for site chrome (navigation, banner, contentinfo, complementary, search...).</summary>
    ChromeRole = 1 << 4,

    /// <summary>Inside an &lt;a&gt;: its text counts as link text.</summary>
    InLink = 1 << 5,

    /// <summary>Class or id names the article's main text specifically ("article-body", "story-text"), stronger than <see cref="Positive"/>.</summary>
    BodyContainer = 1 << 6,

    /// <summary>Text the reader does not read as article prose: captions, credits, bylines, datelines.</summary>
    Furniture = 1 << 7,
}
