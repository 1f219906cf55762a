using System.Runtime.CompilerServices;
using Azure;
using NewsWatch.Alerts;
using Azure.Data.Tables;

namespace NewsWatch.Infrastructure.Alerts;

/// <summary>
/// The alert outbox in Table Storage. Inserts are the first-seen claim (409 = someone else created it) and every
/// replace carries If-Match with the ETag it was read at (412 = someone changed it; the caller re-reads).
/// </summary>
public sealed class TableAlertOutbox(TableClient table) : IAlertOutbox
{
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<string?> TryAddAsync(AlertRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return await AddAsync(record, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table does not exist yet (first alert ever, or a host that skipped initialisation): create it
            // and try once more; a second 404 is a real error and propagates.
            await EnsureCreatedAsync(cancellationToken);
            return await AddAsync(record, cancellationToken);
        }
    }

    private async Task<string?> AddAsync(AlertRecord record, CancellationToken cancellationToken)
    {
        var entity = AlertEntityMapper.ToEntity(record);
        try
        {
            var added = await table.AddEntityAsync(entity, cancellationToken);
            return added.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    public async Task<AlertRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!IsRowKey(id))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<TableEntity>(AlertEntityMapper.Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? AlertEntityMapper.FromEntity(response.Value!) : null;
    }

    public async Task<string?> TryReplaceAsync(AlertRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Version is null)
        {
            throw new ArgumentException("Only a record read from the outbox (with its version) can be replaced.", nameof(record));
        }

        var entity = AlertEntityMapper.ToEntity(record);
        try
        {
            // Replace, not merge: properties cleared in the record (lease, error) must disappear from the row.
            var replaced = await table.UpdateEntityAsync(entity, new ETag(record.Version), TableUpdateMode.Replace, cancellationToken);
            return replaced.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<AlertRecord> ListAsync(bool unsentOnly, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sent = AlertEntityMapper.StateName(AlertDeliveryState.Sent);
        var filter = unsentOnly
            ? TableClient.CreateQueryFilter($"PartitionKey eq {AlertEntityMapper.Partition} and State ne {sent}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {AlertEntityMapper.Partition}");
        var results = table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await results.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    // No table yet means no alerts yet.
                    yield break;
                }

                yield return AlertEntityMapper.FromEntity(results.Current);
            }
        }
        finally
        {
            await results.DisposeAsync();
        }
    }

    /// <summary>A typed key may be anything; only hex ids can be rows, and others must not reach the URL.</summary>
    private static bool IsRowKey(string id) => id.Length <= 64 && id.All(char.IsAsciiHexDigit);
}
