using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace NewsWatch.Infrastructure.Storage;

/// <summary>
/// The pipeline's queues and tables, by their configured names, from the service clients registered with
/// <c>AddAzureClients</c> (so they share its credential, retry and timeout policy).
/// </summary>
public sealed class StorageClients(TableServiceClient tables, QueueServiceClient queues, IOptions<StorageOptions> options)
{
    public StorageOptions Options { get; } = options.Value;

    public TableClient Table(string name) => tables.GetTableClient(name);

    public QueueClient Queue(string name) => queues.GetQueueClient(name);

    public QueueClient ArticlesQueue => Queue(Options.ArticlesQueue);

    /// <summary>Where the host moves messages of <see cref="ArticlesQueue"/> after <c>maxDequeueCount</c> failures.</summary>
    public QueueClient ArticlesPoisonQueue => Queue(PoisonQueueName(Options.ArticlesQueue));

    /// <summary>The Functions host's naming: failed messages of queue "x" go to "x-poison".</summary>
    public static string PoisonQueueName(string queue) => queue + "-poison";
}
