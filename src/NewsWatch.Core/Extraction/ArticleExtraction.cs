namespace NewsWatch.Extraction;

/// <summary>What the extraction stage found on one page.</summary>
public sealed record ArticleExtraction
{
    public string? Title { get; init; }

    /// <summary>Main article text; paragraphs separated by a blank line ("\n\n"). Empty when no article was found.</summary>
    public string Text { get; init; } = string.Empty;

    public DateTimeOffset? Published { get; init; }

    /// <summary>Last modification, when the page declares one no earlier than <see cref="Published"/>.</summary>
    public DateTimeOffset? Updated { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The page's canonical address (link rel=canonical, og:url, JSON-LD url), absolute.</summary>
    public Uri? CanonicalUrl { get; init; }

    /// <summary>Language tag as the page declares it, normalised to BCP 47 form ("en-US").</summary>
    public string? Language { get; init; }

    public string? SiteName { get; init; }

    /// <summary>Lead image (og:image, twitter:image, JSON-LD image), absolute.</summary>
    public Uri? ImageUrl { get; init; }

    public string? Description { get; init; }

    /// <summary>Words in <see cref="Text"/> (runs of letters and digits); 0 means the page had no recognisable article.</summary>
    public int WordCount { get; init; }

    /// <summary>Paragraphs in <see cref="Text"/>.</summary>
    public int ParagraphCount { get; init; }

    /// <summary>Web name of the character encoding the page was decoded with.</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>Which signal chose <see cref="Encoding"/> (header, BOM, meta, sniffing).</summary>
    public EncodingSource EncodingSource { get; init; }

    /// <summary>True when <see cref="Text"/> holds at least one paragraph.</summary>
    public bool HasText => Text.Length > 0;
}
