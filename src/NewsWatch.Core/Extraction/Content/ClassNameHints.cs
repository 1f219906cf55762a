using System.Buffers;
using System.Collections.Frozen;

namespace NewsWatch.Extraction.Content;

/// <summary>
/// Reads class and id values the way a person skimming the markup would: split each name into words
/// ("article__share-bar" → article, share, bar; "relatedPosts" → related, posts) and let the last
/// meaningful word decide, because CSS names put the thing itself last ("article-share" is a share
/// bar, "share-wrapper" too, "entry-content" is content). Words are looked up in small fixed sets,
/// not matched with regular expressions, which keeps this cheap enough to run on every element.
/// </summary>
internal static class ClassNameHints
{
    private const int MaxWordLength = 32;

    private enum Role : byte
    {
        None,
        Filler,
        Positive,
        Body,
        Negative,
        StrongNegative,
        Furniture,
        Modifier,
    }

    /// <summary>Words that describe layout, not content: they never decide a name's meaning.</summary>
    private static readonly string[] FillerWords =
    [
        "wrapper", "wrap", "wrp", "container", "inner", "outer", "holder", "block", "section", "area", "box", "module",
        "component", "col", "column", "row", "grid", "cell", "item", "items", "list", "group", "region", "zone", "panel",
        "layout", "el", "element", "js", "u", "c", "l", "o", "m", "s", "x", "lg", "md", "sm", "xs", "xl", "full", "width",
        "left", "right", "top", "bottom", "center", "primary", "secondary", "default", "clearfix", "clear", "fix", "cf",
        "v2", "v3", "style", "theme", "view", "mod", "unit", "part", "fluid", "responsive", "desktop", "mobile", "only",
        "visible", "wide", "narrow", "large", "small", "medium", "first", "last", "odd", "even", "active", "open", "links",
        "posts", "stories", "articles", "headlines", "news", "reads", "data", "info", "bar", "widget", "widgets", "container-fluid",
    ];

    /// <summary>Words that start a state description ("has-sidebar", "with-ads", "no-comments"): the rest of the name is not a thing.</summary>
    private static readonly string[] ModifierWords =
        ["has", "with", "without", "no", "is", "show", "enable", "enabled", "disable", "disabled", "can", "allow", "not", "hide", "use"];

    /// <summary>
    /// Words that begin taxonomy classes CMSs stamp on the article wrapper ("category-social-media",
    /// "tag-elections", "format-standard"): followed by a value, they say nothing about the element.
    /// </summary>
    private static readonly string[] TaxonomyWords =
        ["category", "categories", "tag", "tags", "format", "status", "type", "postid", "cat", "term", "topic", "topics", "section", "channel", "vertical", "template", "page", "single", "parent", "pg"];

    private static readonly string[] PositiveWords =
    [
        "article", "content", "contents", "entry", "hentry", "post", "story", "blog", "prose", "text", "body", "copy",
        "main", "richtext", "markdown", "detail", "details", "editorial", "cms",
    ];

    /// <summary>Single words that by themselves name the article text container.</summary>
    private static readonly string[] BodyWords =
    [
        "articlebody", "articletext", "articlecontent", "storybody", "storytext", "storycontent", "postbody",
        "postcontent", "posttext", "entrycontent", "entrybody", "entrytext", "bodytext", "maintext", "richtext",
        "newstext", "newsbody", "textbody", "contentbody", "articlecopy", "itemfulltext", "fulltext",
    ];

    /// <summary>First word of a two-word body-container name: "article" in "article-body".</summary>
    private static readonly string[] BodyPrefixes =
        ["article", "story", "post", "entry", "news", "blog"];

    /// <summary>Second word of a two-word body-container name: "body" in "article-body".</summary>
    private static readonly string[] BodySuffixes = ["body", "content", "text", "copy", "prose", "fulltext", "main"];

    /// <summary>Words that make a name chrome wherever they stand in it ("article-share", "share-article", "related-content").</summary>
    private static readonly string[] StrongNegativeWords =
    [
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "advertorial", "adslot", "adunit",
        "adcontainer", "adwrapper", "adbox", "adzone", "adspace", "adsbygoogle", "adsense", "adlabel", "adchoices",
        "dfp", "gpt", "sponsor", "sponsored", "sponsors", "promo", "promos", "promotion", "promoted",
        "share", "shares", "sharing", "sharebar", "social", "socials", "comment", "comments", "commenting",
        "replies", "related", "recommended", "recommendation", "recommendations", "recirc", "recirculation",
        "newsletter", "newsletters", "subscribe", "subscription", "subscriptions", "signup", "optin", "nav", "navbar",
        "navigation", "menu", "menus", "submenu", "breadcrumb", "breadcrumbs", "footer", "sidebar", "sidebars",
        "popup", "modal", "overlay", "lightbox", "cookie", "cookies", "consent", "gdpr", "paywall",
        "outbrain", "taboola", "disqus", "zergnet", "pagination", "pager", "masthead", "toolbar", "trending",
        "popular", "mostpopular", "mostread", "byline", "bylines", "dateline", "caption", "captions", "figcaption",
        "credit", "credits", "livefyre", "skyscraper", "leaderboard", "shoutbox", "sitemap", "readmore", "readnext",
        "upnext", "affiliate", "outstream", "rollover", "tooltip", "popover", "hovercard", "flyout", "dropdown",
    ];

    /// <summary>Words that make a name chrome only as its head ("entry-meta", "post-date"), not as a prefix ("meta-data-x").</summary>
    private static readonly string[] WeakNegativeWords =
    [
        "adv", "partner", "respond", "reply", "rail", "aside", "meter", "tools", "timestamp", "date", "dates", "time",
        "published", "updated", "meta", "metadata", "tag", "tags", "taglist", "keywords", "topics", "print", "email",
        "mail", "follow", "donate", "donation", "rating", "ratings", "reactions", "login", "signin", "register", "banner",
        "jump", "skip", "teaser", "teasers", "more", "next", "prev", "previous", "icon", "icons", "logo", "badge",
        "badges", "copyright", "legal", "contact", "search", "header", "hdr", "alert", "alerts", "notification", "toast",
        "feedback", "survey", "poll", "quiz", "rss", "feed", "carousel", "slider", "ticker", "playlist",
        "player", "gallery", "slideshow", "thumbnail", "thumbnails", "thumb", "thumbs", "author", "authors", "bio",
        "profile", "avatar", "disclaimer", "disclosure", "headline", "kicker", "eyebrow", "label", "labels",
        "category", "categories", "crumbs", "actions", "buttons", "btn", "button", "cta", "signature", "commerce",
        "shop", "shopping", "store", "deals", "offer", "offers", "account", "most", "hero", "spotlight", "native",
        "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "instagram", "youtube",
    ];

    /// <summary>Words for text that accompanies an article but is not its prose.</summary>
    private static readonly string[] FurnitureWords =
        ["caption", "captions", "figcaption", "credit", "credits", "byline", "bylines", "dateline", "author", "authors", "timestamp"];

    /// <summary>Whole class names that mean "not rendered" (responsive variants like hidden-xs do not).</summary>
    private static readonly string[] HiddenNames =
    [
        "hidden", "hide", "is-hidden", "u-hidden", "d-none", "sr-only", "sr-only-focusable", "visually-hidden",
        "visuallyhidden", "screen-reader-text", "screen-reader-only", "screenreader-only", "element-invisible",
        "offscreen", "a11y-hidden", "invisible", "display-none", "hidden-text", "vh", "u-visually-hidden", "ui-helper-hidden",
        "is-visually-hidden", "visually-hidden-focusable", "srOnly",
    ];

    /// <summary>Stems that mark a compound word as chrome even when the whole word is unknown ("socialbuttons").</summary>
    private static readonly SearchValues<string> NegativeStems = SearchValues.Create(
        [
            "share", "social", "comment", "related", "newsletter", "subscri", "sponsor", "advert", "promo", "breadcrumb",
            "sidebar", "footer", "outbrain", "taboola", "popup", "cookie", "paywall", "byline", "trending", "popular",
            "recommend", "signup", "navbar", "navigation", "caption",
        ],
        StringComparison.Ordinal);

    // Initialised in this order on purpose: BuildWords reads the furniture set.
    private static readonly FrozenSet<string> FurnitureSet = FurnitureWords.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, Role> Words = BuildWords();
    private static readonly FrozenSet<string> Hidden = HiddenNames.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> BodyFirst = BodyPrefixes.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> BodySecond = BodySuffixes.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> Taxonomy = TaxonomyWords.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>After a taxonomy word, only these keep the name a widget name ("tag-list", "tags-wrapper").</summary>
    private static readonly FrozenSet<string> LayoutWords = FrozenSet.Create(
        StringComparer.Ordinal, "list", "links", "wrapper", "wrap", "container", "box", "cloud", "area", "holder", "block", "items", "widget", "section", "bar");

    /// <summary>Hints for a class attribute or id value (several space-separated names allowed).</summary>
    public static NodeHint Classify(ReadOnlySpan<char> value)
    {
        var hint = NodeHint.None;
        var body = false;
        foreach (var range in value.SplitAny(" \t\n\r\f"))
        {
            var name = value[range];
            if (name.IsEmpty)
            {
                continue;
            }

            if (Hidden.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                hint |= NodeHint.Hidden;
                continue;
            }

            var (role, isBody) = ClassifyName(name);
            body |= isBody;
            hint |= role switch
            {
                Role.Positive => NodeHint.Positive,
                Role.Body => NodeHint.Positive | NodeHint.BodyContainer,
                Role.Negative => NodeHint.Negative,
                Role.Furniture => NodeHint.Negative | NodeHint.Furniture,
                _ => NodeHint.None,
            };
        }

        // A name that plainly says "article body" outweighs a modifier class such as "share-enabled".
        if (body)
        {
            hint &= ~(NodeHint.Negative | NodeHint.Furniture);
        }

        return hint;
    }

    /// <summary>
    /// Meaning of one class name. A strong chrome word decides wherever it stands; otherwise the last
    /// meaningful word does (CSS names put the thing last: "entry-meta" is metadata). State modifiers
    /// ("has-sidebar") and taxonomy values ("category-social-media") say nothing about the element.
    /// BEM modifiers after "--" are ignored.
    /// </summary>
    private static (Role Role, bool IsBody) ClassifyName(ReadOnlySpan<char> name)
    {
        var modifier = name.IndexOf("--", StringComparison.Ordinal);
        if (modifier > 0)
        {
            name = name[..modifier];
        }

        Span<char> word = stackalloc char[MaxWordLength];
        Span<char> pair = stackalloc char[MaxWordLength * 2];
        var previousLength = 0;
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        var head = Role.None;
        var strong = Role.None;
        var isBody = false;
        var previousWasBodyPrefix = false;
        var index = 0;
        var firstIsTaxonomy = false;
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            var atEnd = i == name.Length;
            if (!atEnd && char.IsAsciiLetterOrDigit(name[i]) && !(i > start && char.IsAsciiLetterUpper(name[i]) && char.IsAsciiLetterLower(name[i - 1])))
            {
                continue;
            }

            if (i > start && i - start <= MaxWordLength)
            {
                var length = name[start..i].ToLowerInvariant(word);
                var w = word[..length];
                var role = lookup.TryGetValue(w, out var r) ? r : CompoundRole(w);

                // Two words that are one word run together ("byLine", "sign-up", "side_bar").
                w.CopyTo(pair[previousLength..]);
                if (previousLength > 0 && lookup.TryGetValue(pair[..(previousLength + length)], out var joined)
                    && joined is Role.StrongNegative or Role.Furniture)
                {
                    role = joined;
                }

                w.CopyTo(pair);
                previousLength = length;
                if (index == 0)
                {
                    firstIsTaxonomy = Taxonomy.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);
                }
                else if (firstIsTaxonomy && !LayoutWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
                {
                    // "category-social-media": a value follows the key; the class is a label, not a widget.
                    return (Role.None, false);
                }

                if (role == Role.Modifier)
                {
                    break;
                }

                if (previousWasBodyPrefix && BodySecond.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
                {
                    role = Role.Body;
                }

                isBody |= role == Role.Body;
                if (role is Role.StrongNegative or Role.Furniture)
                {
                    strong = strong == Role.Furniture ? strong : role;
                }
                else if (role == Role.None && head == Role.Negative)
                {
                    // An unknown word after a weak chrome word makes it a prefix ("meta-x"), not the head.
                    head = Role.None;
                }
                else if (role is not (Role.None or Role.Filler))
                {
                    head = role;
                }

                previousWasBodyPrefix = BodyFirst.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);
                index++;
            }

            // A capital after a lower-case letter starts a new word without a separator ("relatedPosts").
            start = !atEnd && char.IsAsciiLetterOrDigit(name[i]) ? i : i + 1;
        }

        if (strong != Role.None)
        {
            return (strong == Role.Furniture ? Role.Furniture : Role.Negative, false);
        }

        return (head, isBody && head is Role.Body or Role.Positive);
    }

    private static Role CompoundRole(ReadOnlySpan<char> word) =>
        word.Length >= 6 && word.IndexOfAny(NegativeStems) >= 0 ? Role.StrongNegative : Role.None;

    private static FrozenDictionary<string, Role> BuildWords()
    {
        var words = new Dictionary<string, Role>(StringComparer.Ordinal);
        void Set(string[] list, Role role)
        {
            foreach (var w in list)
            {
                words[w] = role;
            }
        }

        Set(FillerWords, Role.Filler);
        Set(PositiveWords, Role.Positive);
        Set(WeakNegativeWords, Role.Negative);
        Set(StrongNegativeWords, Role.StrongNegative);
        Set(FurnitureWords, Role.Furniture);
        Set(ModifierWords, Role.Modifier);
        Set(BodyWords, Role.Body);
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
