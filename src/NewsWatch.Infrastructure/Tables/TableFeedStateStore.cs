using System.Runtime.CompilerServices;
using NewsWatch.Feeds;
using Azure.Data.Tables;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>One row per feed in the <c>feeds</c> table (PartitionKey "feed", RowKey = feed id).</summary>
public sealed class TableFeedStateStore(TableClient table) : IFeedStateStore
{
    private const string Partition = "feed";

    public async Task<FeedState?> GetAsync(string feedId, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, feedId, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task SaveAsync(FeedState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var e = new TableEntity(Partition, state.FeedId)
        {
            ["Url"] = state.Url.AbsoluteUri,
            ["LastPolledAt"] = state.LastPolledAt,
            ["LastSuccessAt"] = state.LastSuccessAt,
            ["LastOutcome"] = state.LastOutcome,
            ["LastError"] = state.LastError is { Length: > 4000 } err ? err[..4000] : state.LastError,
            ["ConsecutiveFailures"] = state.ConsecutiveFailures,
            ["NextAttemptAt"] = state.NextAttemptAt,
            ["ETag"] = state.ETag,
            ["LastModified"] = state.LastModified,
            ["ItemsQueued"] = state.ItemsQueued,
        };
        e.RemoveNullProperties();
        await table.UpsertEntityAsync(e, TableUpdateMode.Replace, cancellationToken);
    }

    public async IAsyncEnumerable<FeedState> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return FromEntity(e);
        }
    }

    private static FeedState FromEntity(TableEntity e) => new()
    {
        FeedId = e.RowKey,
        Url = new Uri(e.GetString("Url")!),
        LastPolledAt = e.GetDateTimeOffset("LastPolledAt"),
        LastSuccessAt = e.GetDateTimeOffset("LastSuccessAt"),
        LastOutcome = e.GetString("LastOutcome"),
        LastError = e.GetString("LastError"),
        ConsecutiveFailures = e.GetInt32("ConsecutiveFailures") ?? 0,
        NextAttemptAt = e.GetDateTimeOffset("NextAttemptAt"),
        ETag = e.GetString("ETag"),
        LastModified = e.GetDateTimeOffset("LastModified"),
        ItemsQueued = e.GetInt64("ItemsQueued") ?? 0,
    };
}
