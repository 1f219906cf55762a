namespace NewsWatch.Articles;

/// <summary>Where articles are kept (Table Storage in production).</summary>
public interface IArticleStore
{
    Task<ArticleRecord?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Insert or replace by <see cref="ArticleRecord.Key"/>: redelivery of the same article overwrites, never duplicates.</summary>
    Task SaveAsync(ArticleRecord article, CancellationToken cancellationToken = default);

    IAsyncEnumerable<ArticleRecord> ListAsync(CancellationToken cancellationToken = default);
}
