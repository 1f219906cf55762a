namespace NewsWatch.Articles;

public enum ArticleStatus
{
    /// <summary>Fetched, extracted and assessed.</summary>
    Stored,

    /// <summary>Could not be made into an article for a reason retrying will not fix; kept so the operator sees why.</summary>
    Failed,
}

/// <summary>What we keep about one article: where it came from, what it says, and what we concluded.</summary>
public sealed record ArticleRecord
{
    public required string Key { get; init; }

    public required Uri Url { get; init; }

    public Uri? CanonicalUrl { get; init; }

    public required string FeedId { get; init; }

    public required string ItemId { get; init; }

    public required ArticleStatus Status { get; init; }

    public string? Error { get; init; }

    public string? Title { get; init; }

    public string Text { get; init; } = "";

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Language { get; init; }

    public string? SiteName { get; init; }

    public Uri? ImageUrl { get; init; }

    public string? Description { get; init; }

    /// <summary>Hash of title and text: lets a redelivered message see that nothing changed.</summary>
    public string? ContentHash { get; init; }

    public required DateTimeOffset ProcessedAt { get; init; }

    /// <summary>Relevance and approval events with their reasons; null for failed articles.</summary>
    public NewsWatch.Assessment.ArticleAssessment? Assessment { get; init; }

    /// <summary>The story (group of near-duplicate articles across outlets) this article belongs to.</summary>
    public string? StoryId { get; init; }
}
