using NewsWatch.Pipeline;
using Azure.Storage.Queues;

namespace NewsWatch.Infrastructure.Queues;

/// <summary>Puts article messages on the <c>articles</c> queue in the encoding the Functions trigger expects.</summary>
public sealed class StorageArticleQueue(QueueClient queue) : IArticleQueue
{
    public async Task EnqueueAsync(ArticleMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await queue.SendMessageAsync(message.ToJson(), cancellationToken);
    }
}
