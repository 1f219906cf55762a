using NewsWatch.Storage.Queues;
using NewsWatch.Storage.Tables;

namespace NewsWatch.Cli.Benchmarks.Storage;

/// <summary>The operations through NewsWatch.Storage's QueueClient and TableClient, as the pipeline uses them.</summary>
internal sealed class ClientBenchTarget : IStorageBenchTarget
{
    private readonly QueueClient[] _queues;
    private readonly TableClient _table;

    public ClientBenchTarget(string connectionString, int workers, HttpClient http, TryCounter tries)
    {
        var transport = new Azure.Core.Pipeline.HttpClientTransport(http);
        _queues = Enumerable.Range(0, workers)
            .Select(w =>
            {
                var options = new QueueClientOptions { Transport = transport, Retry = { NetworkTimeout = BenchHttp.TryTimeout } };
                tries.Attach(options);
                return new QueueClient(connectionString, BenchResources.QueueName(w), options);
            })
            .ToArray();
        var tableOptions = new TableClientOptions { Transport = transport, Retry = { NetworkTimeout = BenchHttp.TryTimeout } };
        tries.Attach(tableOptions);
        _table = new TableClient(connectionString, BenchResources.TableName, tableOptions);
    }

    public string Name => "clients";

    public async Task CreateResourcesAsync(CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken);
        foreach (var queue in _queues)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken);
            await queue.ClearMessagesAsync(cancellationToken);
        }
    }

    public async Task SendReceiveDeleteAsync(int worker, CancellationToken cancellationToken)
    {
        var queue = _queues[worker];
        await queue.SendMessageAsync(BenchResources.MessageText(worker), cancellationToken: cancellationToken);
        QueueMessage[] received;
        do
        {
            received = (await queue.ReceiveMessagesAsync(1, cancellationToken: cancellationToken)).Value;
        }
        while (received.Length == 0);

        await queue.DeleteMessageAsync(received[0].MessageId, received[0].PopReceipt, cancellationToken);
    }

    public async Task UpsertGetAsync(int worker, CancellationToken cancellationToken)
    {
        var rowKey = BenchResources.RowKey(worker);
        var entity = new TableEntity(BenchResources.PartitionKey, rowKey)
        {
            ["Title"] = "Benchmark article",
            ["Score"] = 0.75,
            ["Seen"] = 3,
            ["UpdatedAt"] = DateTimeOffset.UtcNow,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
        var back = await _table.GetEntityAsync(BenchResources.PartitionKey, rowKey, cancellationToken: cancellationToken);
        if (back.Value.GetInt32("Seen") != 3)
        {
            throw new InvalidOperationException("The entity read back differs from the one written.");
        }
    }
}
