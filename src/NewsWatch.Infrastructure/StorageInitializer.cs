using Microsoft.Extensions.Options;
using NewsWatch.Infrastructure.Alerts;

namespace NewsWatch.Infrastructure;

/// <summary>Creates the queues and tables the pipeline uses; safe to call on every start.</summary>
public sealed class StorageInitializer(StorageClientFactory storage, IOptions<AlertTransportOptions> alerts)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var o = storage.Options;
        await storage.Queue(o.ArticlesQueue).CreateIfNotExistsAsync(cancellationToken);
        await storage.Queue(PoisonQueueName(o.ArticlesQueue)).CreateIfNotExistsAsync(cancellationToken);
        foreach (var table in new[] { o.ArticlesTable, o.FeedsTable, o.FeedItemsTable, o.StoriesTable, alerts.Value.Table })
        {
            await storage.Table(table).CreateIfNotExistsAsync(cancellationToken);
        }
    }

    /// <summary>The Functions host's naming: failed messages of queue "x" go to "x-poison".</summary>
    public static string PoisonQueueName(string queue) => queue + "-poison";
}
