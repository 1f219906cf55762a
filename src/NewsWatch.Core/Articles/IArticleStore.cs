namespace NewsWatch.Articles;

/// <summary>Where articles are kept (Table Storage in production).</summary>
public interface IArticleStore
{
    Task<ArticleRecord?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Insert or replace by <see cref="ArticleRecord.Key"/>: redelivery of the same article overwrites, never duplicates.</summary>
    Task SaveAsync(ArticleRecord article, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="SaveAsync(ArticleRecord, CancellationToken)"/> for a caller that has just read what is stored under
    /// the key (<paramref name="stored"/>, null when nothing is), so the store need not read it again.
    /// </summary>
    Task SaveAsync(ArticleRecord article, ArticleRecord? stored, CancellationToken cancellationToken = default) =>
        SaveAsync(article, cancellationToken);

    /// <summary>
    /// Every article without its text and full assessment (nearly all of a row's bytes): summary fields, status,
    /// error and story only. For views and counts, which must not drag article bodies over the wire.
    /// </summary>
    IAsyncEnumerable<ArticleRecord> ListWithoutTextAsync(CancellationToken cancellationToken = default);
}
