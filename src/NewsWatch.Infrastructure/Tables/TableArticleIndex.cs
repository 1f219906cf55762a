using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;
using NewsWatch.Articles;
using NewsWatch.Pipeline;
using NewsWatch.Reading;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>Where an article's index rows were, as remembered on its article row, so a rewrite can move them.</summary>
internal sealed record IndexedAs(ArticleStatus Status, DateTimeOffset SortTime, bool IsRelevant, string? StoryId);

/// <summary>
/// The article index table (see <see cref="ArticleIndexKeys"/>): written by <see cref="TableArticleStore"/> with every
/// article, read by the API, the dashboard and the CLI. Every read is a range over partitions made for it.
/// </summary>
public sealed class TableArticleIndex(TableClient table) : IArticleIndex, IDisposable
{
    /// <summary>Server pages read to fill one page of results at most; bounds the latency of a sparse filter.</summary>
    private const int MaxServerPagesPerPage = 8;

    private const int MaxCounterConflicts = 25;

    private readonly SemaphoreSlim _counterGate = new(1, 1);

    private readonly Lock _pendingLock = new();

    /// <summary>The counter row as this instance last wrote it (with its ETag); null until read or after a conflict.</summary>
    private TableEntity? _counter;

    /// <summary>Counts not yet written, and the write that will carry them (guarded by <see cref="_pendingLock"/>).</summary>
    private (int Stored, int Failed) _pending;

    private TaskCompletionSource? _pendingWrite;

    public void Dispose() => _counterGate.Dispose();

    public async Task<ArticlePage> QueryAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var prefix = query.Relevant == true ? ArticleIndexKeys.RelevantPrefix : ArticleIndexKeys.AllPrefix;
        var filter = new StringBuilder(TableClient.CreateQueryFilter(
            $"PartitionKey ge {ArticleIndexKeys.NewestPartition(prefix, query.Until)} and PartitionKey le {ArticleIndexKeys.OldestPartition(prefix, query.Since)}"));
        void And(FormattableString clause) => filter.Append(" and ").Append(TableClient.CreateQueryFilter(clause));
        if (query.Since is { } since)
        {
            And($"SortTime ge {since}");
        }

        if (query.Until is { } until)
        {
            And($"SortTime le {until}");
        }

        if (query.Relevant == false)
        {
            And($"IsRelevant eq false");
        }

        if (query.Approval is { } approval)
        {
            And($"Approval eq {approval}");
        }

        if (query.FeedId is { } feed)
        {
            And($"FeedId eq {feed}");
        }

        if (ArticleQuery.LanguageBase(query.Language) is { } language)
        {
            And($"LanguageBase eq {language}");
        }

        var size = Math.Clamp(query.PageSize, 1, ArticleQuery.MaxPageSize);
        var items = new List<ArticleSummary>(size);
        var continuation = ContinuationToken.Decode(query.Continuation);
        for (var pages = 0; pages < MaxServerPagesPerPage && items.Count < size; pages++)
        {
            // Asking only for what is still missing means a page is always consumed whole, so its continuation
            // token is exactly where the next request resumes.
            var page = await FirstPageAsync(filter.ToString(), continuation, size - items.Count, cancellationToken);
            if (page is null)
            {
                break;
            }

            items.AddRange(page.Values.Select(ArticleIndexEntity.FromEntity).Where(a => MatchesText(a, query.Text)));
            continuation = page.ContinuationToken;
            if (continuation is null)
            {
                break;
            }
        }

        return new ArticlePage(items, ContinuationToken.Encode(continuation));
    }

    public async IAsyncEnumerable<ArticleSummary> ListProcessedSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {ArticleIndexKeys.NewestPartition(ArticleIndexKeys.AllPrefix, null)} and PartitionKey le {ArticleIndexKeys.OldestPartition(ArticleIndexKeys.AllPrefix, null)} and ProcessedAt ge {since}");
        await foreach (var e in QueryOrEmptyAsync(filter, cancellationToken))
        {
            yield return ArticleIndexEntity.FromEntity(e);
        }
    }

    public async Task<ArticleCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        var row = await ReadCounterAsync(cancellationToken);
        return row is null ? new ArticleCounts(0, 0) : new ArticleCounts(row.GetInt32("Stored") ?? 0, row.GetInt32("Failed") ?? 0);
    }

    /// <summary>
    /// Writes the article's rows in every index partition it belongs to, removes the rows of where it was before,
    /// and moves the counters when it is new or its status changed.
    /// </summary>
    internal async Task RecordAsync(ArticleRecord article, IndexedAs? before, CancellationToken cancellationToken)
    {
        var summary = ArticleSummary.From(article);
        var now = Locations(summary.Key, summary.SortTime, summary.IsRelevant);
        foreach (var (partition, row) in now)
        {
            await table.UpsertEntityAsync(ArticleIndexEntity.ToEntity(partition, row, summary), TableUpdateMode.Replace, cancellationToken);
        }

        if (before is not null)
        {
            foreach (var (partition, row) in Locations(summary.Key, before.SortTime, before.IsRelevant).Except(now))
            {
                await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
            }
        }

        if (before?.Status != article.Status)
        {
            await CountAsync(before?.Status, article.Status, cancellationToken);
        }
    }

    private static List<(string Partition, string Row)> Locations(string key, DateTimeOffset sortTime, bool relevant)
    {
        var row = ArticleIndexKeys.Row(sortTime, key);
        var list = new List<(string, string)> { (ArticleIndexKeys.DayPartition(ArticleIndexKeys.AllPrefix, sortTime), row) };
        if (relevant)
        {
            list.Add((ArticleIndexKeys.DayPartition(ArticleIndexKeys.RelevantPrefix, sortTime), row));
        }

        return list;
    }

    /// <summary>
    /// One counter row updated with If-Match: concurrent instances retry on 412/409 instead of losing counts. Within
    /// this instance the updates take turns and start from the row as this instance last wrote it, so the usual cost
    /// is one write, and a read only after another instance counted in between. The articles that arrive while a
    /// write is under way are counted together by the next one (group commit); each caller returns once a write
    /// carrying its count has succeeded, and counts whose write failed ride on the next one.
    /// </summary>
    private async Task CountAsync(ArticleStatus? from, ArticleStatus to, CancellationToken cancellationToken)
    {
        Task written;
        lock (_pendingLock)
        {
            _pending = (_pending.Stored + Delta(ArticleStatus.Stored, from, to), _pending.Failed + Delta(ArticleStatus.Failed, from, to));
            _pendingWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            written = _pendingWrite.Task;
        }

        await _counterGate.WaitAsync(cancellationToken);
        try
        {
            (int Stored, int Failed) delta;
            TaskCompletionSource? write;
            lock (_pendingLock)
            {
                (delta, write) = (_pending, _pendingWrite);
                (_pending, _pendingWrite) = ((0, 0), null);
            }

            // Null when the write before this one already carried this caller's count.
            if (write is not null)
            {
                try
                {
                    if (delta != (0, 0))
                    {
                        await WriteCountsAsync(delta, cancellationToken);
                    }

                    write.SetResult();
                }
                catch (Exception ex)
                {
                    // The article rows are written already, so a retried message will not count again: keep the
                    // counts for the next write instead of losing them.
                    lock (_pendingLock)
                    {
                        _pending = (_pending.Stored + delta.Stored, _pending.Failed + delta.Failed);
                    }

                    write.SetException(ex);
                }
            }
        }
        finally
        {
            _counterGate.Release();
        }

        await written;
    }

    private static int Delta(ArticleStatus status, ArticleStatus? from, ArticleStatus to) =>
        (to == status ? 1 : 0) - (from == status ? 1 : 0);

    private async Task WriteCountsAsync((int Stored, int Failed) delta, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxCounterConflicts; attempt++)
        {
            var current = _counter ?? await ReadCounterAsync(cancellationToken);
            var next = new TableEntity(ArticleIndexKeys.CounterPartition, ArticleIndexKeys.ArticleCounterRow)
            {
                ["Stored"] = Math.Max(0, (current?.GetInt32("Stored") ?? 0) + delta.Stored),
                ["Failed"] = Math.Max(0, (current?.GetInt32("Failed") ?? 0) + delta.Failed),
            };
            try
            {
                var written = current is null
                    ? await table.AddEntityAsync(next, cancellationToken)
                    : await table.UpdateEntityAsync(next, current.ETag, TableUpdateMode.Replace, cancellationToken);
                next.ETag = written.Headers.ETag ?? default;
                _counter = next.ETag == default ? null : next;
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer counted in between: read its result and apply ours on top.
                _counter = null;
            }
        }

        throw new InvalidOperationException($"the article counters kept changing under {MaxCounterConflicts} attempts to update them");
    }

    private async Task<TableEntity?> ReadCounterAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(
                ArticleIndexKeys.CounterPartition, ArticleIndexKeys.ArticleCounterRow, cancellationToken: cancellationToken);
            return response.HasValue ? response.Value : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null; // no table yet: nothing counted yet
        }
    }

    private async Task<Page<TableEntity>?> FirstPageAsync(string filter, string? continuation, int size, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: size, cancellationToken: cancellationToken).AsPages(continuation, size))
            {
                return page;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No index table yet: nothing stored yet.
        }

        return null;
    }

    private async IAsyncEnumerable<TableEntity> QueryOrEmptyAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await FirstPageAsync(filter, continuation, 1000, cancellationToken);
            if (page is null)
            {
                yield break;
            }

            foreach (var e in page.Values)
            {
                yield return e;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    private static bool MatchesText(ArticleSummary a, string? text) =>
        string.IsNullOrWhiteSpace(text)
        || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => a.Title?.Contains(w, StringComparison.OrdinalIgnoreCase) == true);
}

/// <summary>The SDK's continuation token made URL-safe and opaque (base64url), so clients pass it back untouched.</summary>
internal static class ContinuationToken
{
    public static string? Encode(string? token) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <exception cref="FormatException">The token was not one this API handed out.</exception>
    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
    }
}
