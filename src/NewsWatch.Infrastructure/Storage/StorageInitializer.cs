using Microsoft.Extensions.Options;
using NewsWatch.Infrastructure.Alerts;

namespace NewsWatch.Infrastructure.Storage;

/// <summary>Creates the queues and tables the pipeline uses; safe to call on every start.</summary>
public sealed class StorageInitializer(StorageClients storage, IOptions<AlertTransportOptions> alerts)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var o = storage.Options;
        await storage.ArticlesQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.ArticlesPoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var table in new[] { o.ArticlesTable, o.FeedsTable, o.FeedItemsTable, o.StoriesTable, o.ArticleIndexTableName, alerts.Value.Table })
        {
            await storage.Table(table).CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
