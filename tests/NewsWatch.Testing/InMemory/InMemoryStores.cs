using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NewsWatch.Articles;
using NewsWatch.Feeds;
using NewsWatch.Pipeline;

namespace NewsWatch.Testing.InMemory;

/// <summary>
/// Rows by key, as a Table-backed store keeps them: saving a row whose key is already there replaces it. What the
/// in-memory stand-ins of those stores have in common.
/// </summary>
public abstract class InMemoryKeyedStore<TRow>
    where TRow : class
{
    private readonly Func<TRow, string> _keyOf;

    protected InMemoryKeyedStore(Func<TRow, string> keyOf) => _keyOf = keyOf;

    public ConcurrentDictionary<string, TRow> Rows { get; } = new(StringComparer.Ordinal);

    public Task<TRow?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.TryGetValue(key, out var row) ? row : null);

    public Task SaveAsync(TRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        Rows[_keyOf(row)] = row;
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<TRow> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var row in Rows.Values)
        {
            yield return row;
        }
    }
}

/// <summary>In-memory stand-ins for the Table-backed stores, for tests of the core and of the handler's contract.</summary>
public sealed class InMemoryArticleStore() : InMemoryKeyedStore<ArticleRecord>(article => article.Key), IArticleStore
{
    public async IAsyncEnumerable<ArticleRecord> ListWithoutTextAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in ListAsync(cancellationToken))
        {
            yield return row with { Text = "", Assessment = null };
        }
    }
}

public sealed class InMemoryFeedStateStore() : InMemoryKeyedStore<FeedState>(state => state.FeedId), IFeedStateStore;

public sealed class InMemoryFeedItemLedger : IFeedItemLedger
{
    private readonly ConcurrentDictionary<(string, string), bool> _queued = new();

    public Task<IReadOnlyList<FeedItem>> ClaimAsync(string feedId, IReadOnlyList<FeedItem> items, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var mine = new List<FeedItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => seen.Add(i.ItemId)))
        {
            // New, or claimed before and never confirmed.
            if (_queued.TryAdd((feedId, item.ItemId), false) || !_queued[(feedId, item.ItemId)])
            {
                mine.Add(item);
            }
        }

        return Task.FromResult<IReadOnlyList<FeedItem>>(mine);
    }

    public Task ConfirmQueuedAsync(string feedId, IReadOnlyList<FeedItem> items, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            _queued[(feedId, item.ItemId)] = true;
        }

        return Task.CompletedTask;
    }
}

public sealed class InMemoryArticleQueue : IArticleQueue
{
    public ConcurrentQueue<ArticleMessage> Messages { get; } = new();

    public Task EnqueueAsync(ArticleMessage message, CancellationToken cancellationToken = default)
    {
        Messages.Enqueue(message);
        return Task.CompletedTask;
    }
}
