using NewsWatch.Pipeline;

namespace NewsWatch.Reading;

/// <summary>
/// Rows kept beside the articles for reading them: by day (newest first), relevant-only by day, by story, and
/// counters. The article store writes them with every article; readers never scan the article rows.
/// </summary>
public interface IArticleIndex
{
    Task<ArticlePage> QueryAsync(ArticleQuery query, CancellationToken cancellationToken = default);

    /// <summary>Articles processed at or after <paramref name="since"/>, newest first by publication.</summary>
    IAsyncEnumerable<ArticleSummary> ListProcessedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    Task<ArticleCounts> CountsAsync(CancellationToken cancellationToken = default);
}

/// <summary>A filter over the article index; null means "any".</summary>
/// <param name="Approval">"granted", "pending", "denied" or "none".</param>
/// <param name="Language">Primary language subtag ("en", "zh"); "zh-CN" matches "zh".</param>
/// <param name="Since">Earliest publication (or processing, when unknown) time, inclusive.</param>
/// <param name="Until">Latest one, inclusive.</param>
/// <param name="Text">Words the title must contain (case-insensitive).</param>
/// <param name="Continuation">Where the previous page stopped, as returned with it.</param>
public sealed record ArticleQuery(
    bool? Relevant = null,
    string? Approval = null,
    string? FeedId = null,
    string? Language = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    string? Text = null,
    string? Continuation = null,
    int PageSize = ArticleQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    public static string? LanguageBase(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null : language.Split('-', '_')[0].Trim().ToLowerInvariant();
}

/// <summary>One page of a query, newest first; <paramref name="Continuation"/> is null on the last page.</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, string? Continuation);
