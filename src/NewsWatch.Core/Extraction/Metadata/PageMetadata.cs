namespace NewsWatch.Extraction.Metadata;

/// <summary>What the page says about itself, outside the article text.</summary>
internal sealed record PageMetadata(
    string? Title,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    IReadOnlyList<string> Authors,
    Uri? CanonicalUrl,
    string? Language,
    string? SiteName,
    Uri? ImageUrl,
    string? Description);
