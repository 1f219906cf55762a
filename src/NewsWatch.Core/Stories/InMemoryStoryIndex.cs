using System.Runtime.CompilerServices;

namespace NewsWatch.Stories;

/// <summary>
/// <see cref="IStoryIndex"/> and <see cref="IStoryCatalog"/> in process memory, for tests, the CLI and evaluation. It
/// follows the table store's access pattern — the stories of the article's two window buckets are the candidates —
/// so both group alike; one lock stands in for the table's ETag guard.
/// </summary>
public sealed class InMemoryStoryIndex(StoryMatcher matcher) : IStoryIndex, IStoryCatalog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DateOnly, Dictionary<string, StoryState>> _buckets = [];
    private readonly List<string> _order = [];

    /// <summary>Article keys by story id, stories and members in arrival order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Stories
    {
        get
        {
            lock (_gate)
            {
                var all = _buckets.Values.SelectMany(b => b.Values).ToDictionary(s => s.Id, StringComparer.Ordinal);
                return _order.ToDictionary(
                    id => id, id => (IReadOnlyList<string>)[.. all[id].Summary.Sources.Select(s => s.ArticleKey)], StringComparer.Ordinal);
            }
        }
    }

    public Task<StoryAssignment> AssignAsync(StoryArticle article, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(article);
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var (older, newer) = matcher.Windows.BucketsFor(article.Published);
            var decision = matcher.Decide(article, Bucket(older).Values.Concat(Bucket(newer).Values));
            if (decision.Story is { } story)
            {
                if (!decision.AlreadyMember)
                {
                    Bucket(BucketOfStory(story))[story.Id] = story.Join(article, matcher.Options);
                }

                return Task.FromResult(new StoryAssignment(story.Id, false, decision.Score));
            }

            var bucket = matcher.Windows.BucketOf(article.Published);
            var created = StoryState.Start(StoryIds.ForFirstArticle(article.Key, bucket), article);
            Bucket(bucket)[created.Id] = created;
            _order.Add(created.Id);
            return Task.FromResult(new StoryAssignment(created.Id, true, 0));
        }
    }

    public async IAsyncEnumerable<StorySummary> ListAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        List<StorySummary> found;
        lock (_gate)
        {
            found = [.. _buckets.OrderBy(b => b.Key).SelectMany(b => b.Value.Values.OrderBy(s => s.Anchor))
                .Where(s => s.Summary.LastSeen >= since).Select(s => s.Summary)];
        }

        foreach (var summary in found)
        {
            ct.ThrowIfCancellationRequested();
            yield return summary;
        }

        await Task.CompletedTask;
    }

    public Task<StorySummary?> GetAsync(string storyId, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(StoryIds.TryGetWindowStart(storyId, out var bucket) && Bucket(bucket).TryGetValue(storyId, out var s)
                ? s.Summary
                : null);
        }
    }

    private static DateOnly BucketOfStory(StoryState story) =>
        StoryIds.TryGetWindowStart(story.Id, out var bucket) ? bucket : throw new InvalidOperationException($"story id {story.Id} names no window");

    private Dictionary<string, StoryState> Bucket(DateOnly start)
    {
        if (!_buckets.TryGetValue(start, out var bucket))
        {
            _buckets[start] = bucket = new Dictionary<string, StoryState>(StringComparer.Ordinal);
        }

        return bucket;
    }
}
