using System.Security.Cryptography;
using System.Text;
using Azure;
using NewsWatch.Feeds;
using Azure.Data.Tables;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>
/// Items seen per feed in the <c>feeditems</c> table (PartitionKey = feed id, RowKey = hash of the
/// item id, since feed ids may contain characters row keys forbid). The insert is the claim: a 409
/// means someone queued (or began to queue) the item before.
/// </summary>
public sealed class TableFeedItemLedger(TableClient table) : IFeedItemLedger
{
    private const string Claimed = "claimed";
    private const string Queued = "queued";

    public async Task<LedgerClaim> ClaimAsync(FeedItem item, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entity = new TableEntity(item.FeedId, RowKeyOf(item))
        {
            ["ItemId"] = item.ItemId.Length > 4000 ? item.ItemId[..4000] : item.ItemId,
            ["Url"] = item.Link.AbsoluteUri,
            ["State"] = Claimed,
            ["ClaimedAt"] = now,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return LedgerClaim.New;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(item.FeedId, RowKeyOf(item), cancellationToken: cancellationToken);
            return existing.Value.GetString("State") == Queued ? LedgerClaim.Seen : LedgerClaim.Unfinished;
        }
    }

    public async Task ConfirmQueuedAsync(FeedItem item, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entity = new TableEntity(item.FeedId, RowKeyOf(item)) { ["State"] = Queued, ["QueuedAt"] = now };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    private static string RowKeyOf(FeedItem item) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.ItemId))[..16]);
}
