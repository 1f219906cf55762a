using NewsWatch.Articles;
using NewsWatch.Assessment;

namespace NewsWatch.Reading;

/// <summary>
/// What a list of articles shows about each: the summary fields of the article row, the assessment's verdict and
/// its reasons, but no article text. Kept in the article index, so listing never reads article rows.
/// </summary>
public sealed record ArticleSummary
{
    public required string Key { get; init; }

    public required Uri Url { get; init; }

    public Uri? CanonicalUrl { get; init; }

    public required string FeedId { get; init; }

    public required ArticleStatus Status { get; init; }

    public string? Error { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset? Published { get; init; }

    public required DateTimeOffset ProcessedAt { get; init; }

    public string? Language { get; init; }

    public string? SiteName { get; init; }

    public bool IsRelevant { get; init; }

    public double RelevanceScore { get; init; }

    /// <summary>"granted", "pending", "denied", or null when the article reports no approval.</summary>
    public string? Approval { get; init; }

    public string? Regulator { get; init; }

    public IReadOnlyList<string> EventKeys { get; init; } = [];

    public string? StoryId { get; init; }

    /// <summary>Why the article is (not) relevant, and the primary approval's reasons; sentences clipped.</summary>
    public IReadOnlyList<AssessmentReason> Reasons { get; init; } = [];

    /// <summary>The time lists sort and filter by: publication when known, else processing.</summary>
    public DateTimeOffset SortTime => Published ?? ProcessedAt;

    public string Outlet => SiteName ?? Url.Host;

    /// <summary>Caps so that one index row stays small whatever a page wrote.</summary>
    public const int MaxReasons = 16;

    public const int MaxReasonSentenceChars = 300;

    public static ArticleSummary From(ArticleRecord article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var assessment = article.Assessment;
        IEnumerable<AssessmentReason> reasons = assessment is null
            ? []
            : assessment.Relevance.Reasons.Concat(assessment.PrimaryEvent?.Reasons ?? []);
        return new ArticleSummary
        {
            Key = article.Key,
            Url = article.Url,
            CanonicalUrl = article.CanonicalUrl,
            FeedId = article.FeedId,
            Status = article.Status,
            Error = article.Error,
            Title = article.Title,
            Published = article.Published,
            ProcessedAt = article.ProcessedAt,
            Language = article.Language,
            SiteName = article.SiteName,
            IsRelevant = assessment?.Relevance.IsRelevant ?? false,
            RelevanceScore = assessment?.Relevance.Score ?? 0,
            Approval = assessment?.ApprovalStatusForArticle?.ToString().ToLowerInvariant(),
            Regulator = assessment?.PrimaryEvent?.Regulator,
            EventKeys = assessment is null ? [] : [.. assessment.Events.Select(e => e.Key)],
            StoryId = article.StoryId,
            Reasons = [.. reasons.Take(MaxReasons).Select(r => r with { Sentence = TextLimits.Clip(r.Sentence, MaxReasonSentenceChars) })],
        };
    }
}
