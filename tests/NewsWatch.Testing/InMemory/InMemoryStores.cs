using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NewsWatch.Articles;
using NewsWatch.Feeds;
using NewsWatch.Pipeline;

namespace NewsWatch.Testing.InMemory;

/// <summary>In-memory stand-ins for the Table-backed stores, for tests of the core and of the handler's contract.</summary>
public sealed class InMemoryArticleStore : IArticleStore
{
    public ConcurrentDictionary<string, ArticleRecord> Rows { get; } = new(StringComparer.Ordinal);

    public Task<ArticleRecord?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.TryGetValue(key, out var r) ? r : null);

    public Task SaveAsync(ArticleRecord article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        Rows[article.Key] = article;
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ArticleRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var r in Rows.Values)
        {
            yield return r;
        }
    }
}

public sealed class InMemoryFeedStateStore : IFeedStateStore
{
    public ConcurrentDictionary<string, FeedState> Rows { get; } = new(StringComparer.Ordinal);

    public Task<FeedState?> GetAsync(string feedId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.TryGetValue(feedId, out var s) ? s : null);

    public Task SaveAsync(FeedState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        Rows[state.FeedId] = state;
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<FeedState> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var s in Rows.Values)
        {
            yield return s;
        }
    }
}

public sealed class InMemoryFeedItemLedger : IFeedItemLedger
{
    private readonly ConcurrentDictionary<(string, string), bool> _queued = new();

    public Task<LedgerClaim> ClaimAsync(FeedItem item, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var key = (item.FeedId, item.ItemId);
        if (_queued.TryAdd(key, false))
        {
            return Task.FromResult(LedgerClaim.New);
        }

        return Task.FromResult(_queued[key] ? LedgerClaim.Seen : LedgerClaim.Unfinished);
    }

    public Task ConfirmQueuedAsync(FeedItem item, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        _queued[(item.FeedId, item.ItemId)] = true;
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
