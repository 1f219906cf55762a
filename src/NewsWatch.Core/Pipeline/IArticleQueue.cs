namespace NewsWatch.Pipeline;

/// <summary>The hand-off between the two functions (the <c>articles</c> Storage queue in production).</summary>
public interface IArticleQueue
{
    Task EnqueueAsync(ArticleMessage message, CancellationToken cancellationToken = default);
}
