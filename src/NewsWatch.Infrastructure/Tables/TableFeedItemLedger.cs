using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using NewsWatch.Feeds;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>
/// Items seen per feed in the <c>feeditems</c> table (PartitionKey = feed id, RowKey = hash of the item id, since
/// feed ids may contain characters row keys forbid). A poll costs one query per <see cref="RowsPerLookup"/> items
/// it carries and one entity-group transaction per <see cref="RowsPerTransaction"/> new items for each of claim and
/// confirm, instead of two requests per item: a feed repeats most of its items on every poll. The insert is the
/// claim: when another poller inserted one of the rows first, the transaction fails whole and the rows are claimed
/// one by one, where a 409 means someone queued (or began to queue) the item before.
/// </summary>
public sealed class TableFeedItemLedger(TableClient table) : IFeedItemLedger
{
    /// <summary>The service allows 15 comparisons in one filter: the partition key and 14 row keys.</summary>
    private const int RowsPerLookup = 14;

    /// <summary>The service's limit on operations in one entity-group transaction.</summary>
    private const int RowsPerTransaction = 100;

    private const int MaxItemIdLength = 4000;

    /// <summary>
    /// How long an unconfirmed claim belongs to the poller that made it. Queueing a feed's items takes seconds; a
    /// claim older than this was left by a poll that died (or lost storage) between claim and confirm, and is queued
    /// again. Short, because an overlapping poller that queues an item twice costs only a redundant message.
    /// </summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);

    private const string Claimed = "claimed";
    private const string Queued = "queued";

    public async Task<IReadOnlyList<FeedItem>> ClaimAsync(string feedId, IReadOnlyList<FeedItem> items, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var distinct = Distinct(feedId, items);
        var states = await StatesAsync(feedId, distinct.Select(d => d.RowKey), now - ClaimLease, cancellationToken);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in distinct.Where(d => states[d.RowKey] == RowState.Absent).Chunk(RowsPerTransaction))
        {
            foreach (var rowKey in await InsertClaimsAsync(feedId, chunk, now, cancellationToken))
            {
                claimed.Add(rowKey);
            }
        }

        return [.. distinct.Where(d => claimed.Contains(d.RowKey) || states[d.RowKey] == RowState.Abandoned).Select(d => d.Item)];
    }

    public async Task ConfirmQueuedAsync(string feedId, IReadOnlyList<FeedItem> items, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var chunk in Distinct(feedId, items).Chunk(RowsPerTransaction))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(d => new TableTransactionAction(
                    TableTransactionActionType.UpsertMerge,
                    new TableEntity(feedId, d.RowKey) { ["State"] = Queued, ["QueuedAt"] = now })),
                cancellationToken);
        }
    }

    /// <summary>The state of every row among <paramref name="rowKeys"/>, <see cref="RowState.Absent"/> for those not there.</summary>
    private async Task<Dictionary<string, RowState>> StatesAsync(string feedId, IEnumerable<string> rowKeys, DateTimeOffset abandonedBefore, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, RowState>(StringComparer.Ordinal);
        foreach (var chunk in rowKeys.Chunk(RowsPerLookup))
        {
            foreach (var rowKey in chunk)
            {
                states[rowKey] = RowState.Absent;
            }

            var filter = new StringBuilder(TableClient.CreateQueryFilter($"PartitionKey eq {feedId} and ("));
            for (var i = 0; i < chunk.Length; i++)
            {
                filter.Append(i == 0 ? "" : " or ").Append(TableClient.CreateQueryFilter($"RowKey eq {chunk[i]}"));
            }

            await foreach (var row in table.QueryAsync<TableEntity>(filter.Append(')').ToString(), select: ["RowKey", "State", "ClaimedAt"], cancellationToken: cancellationToken))
            {
                states[row.RowKey] = row.GetString("State") == Queued ? RowState.Queued
                    : row.GetDateTimeOffset("ClaimedAt") is { } at && at > abandonedBefore ? RowState.ClaimedByAnother
                    : RowState.Abandoned;
            }
        }

        return states;
    }

    /// <summary>Inserts the claims in one transaction; the row keys this call claimed.</summary>
    private async Task<IEnumerable<string>> InsertClaimsAsync(string feedId, LedgerRow[] rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(
                rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, ClaimEntity(feedId, r, now))), cancellationToken);
            return rows.Select(r => r.RowKey);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another poller got in first with some of them: find out which, row by row.
            var mine = new List<string>();
            foreach (var row in rows)
            {
                try
                {
                    await table.AddEntityAsync(ClaimEntity(feedId, row, now), cancellationToken);
                    mine.Add(row.RowKey);
                }
                catch (RequestFailedException rowEx) when (rowEx.Status == 409)
                {
                    // Claimed by the other poller, which queues it.
                }
            }

            return mine;
        }
    }

    private static TableEntity ClaimEntity(string feedId, LedgerRow row, DateTimeOffset now) => new(feedId, row.RowKey)
    {
        ["ItemId"] = row.Item.ItemId.Length > MaxItemIdLength ? row.Item.ItemId[..MaxItemIdLength] : row.Item.ItemId,
        ["Url"] = row.Item.Link.AbsoluteUri,
        ["State"] = Claimed,
        ["ClaimedAt"] = now,
    };

    /// <summary>One row per item id (a feed may list an entry twice; one transaction cannot touch a row twice).</summary>
    private static List<LedgerRow> Distinct(string feedId, IReadOnlyList<FeedItem> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<LedgerRow>(items.Count);
        foreach (var item in items)
        {
            if (item.FeedId != feedId)
            {
                throw new ArgumentException($"item '{item.ItemId}' belongs to feed '{item.FeedId}', not '{feedId}'", nameof(items));
            }

            var row = new LedgerRow(RowKeyOf(item), item);
            if (seen.Add(row.RowKey))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static string RowKeyOf(FeedItem item) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.ItemId))[..16]);

    private sealed record LedgerRow(string RowKey, FeedItem Item);

    private enum RowState
    {
        Absent,
        Queued,

        /// <summary>Claimed within the lease by a poll still queueing it (two pollers overlapping).</summary>
        ClaimedByAnother,

        /// <summary>Claimed longer ago than the lease and never confirmed.</summary>
        Abandoned,
    }
}
