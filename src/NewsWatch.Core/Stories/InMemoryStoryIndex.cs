using Microsoft.Extensions.Options;

namespace NewsWatch.Stories;

/// <summary>
/// <see cref="IStoryIndex"/> in process memory, for tests and the CLI. The algorithm is the one a
/// table-backed index follows: look up the article's band keys, compare the full signatures of the
/// articles found there, join the best story at or above the threshold that is still open, then file
/// the article under its band keys.
/// </summary>
public sealed class InMemoryStoryIndex : IStoryIndex
{
    private readonly StoryOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<string>> _bands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Member> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _storyLastSeen = new(StringComparer.Ordinal);

    public InMemoryStoryIndex(IOptions<StoryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>Article keys by story id, in arrival order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Stories
    {
        get
        {
            lock (_gate)
            {
                return _articles
                    .OrderBy(a => a.Value.Order)
                    .GroupBy(a => a.Value.StoryId, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(a => a.Key)], StringComparer.Ordinal);
            }
        }
    }

    public Task<StoryAssignment> AssignAsync(string articleKey, StoryFingerprint fingerprint, DateTimeOffset seenAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(articleKey);
        ArgumentNullException.ThrowIfNull(fingerprint);
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_articles.TryGetValue(articleKey, out var known))
            {
                return Task.FromResult(new StoryAssignment(known.StoryId, false, 1));
            }

            var (storyId, similarity) = BestStory(fingerprint, seenAt);
            var isNew = storyId is null;
            storyId ??= StoryIds.ForFirstArticle(articleKey);
            _articles[articleKey] = new Member(storyId, fingerprint, _articles.Count);
            _storyLastSeen[storyId] = _storyLastSeen.TryGetValue(storyId, out var last) && last > seenAt ? last : seenAt;
            foreach (var band in fingerprint.BandKeys)
            {
                if (!_bands.TryGetValue(band, out var list))
                {
                    _bands[band] = list = [];
                }

                list.Add(articleKey);
            }

            return Task.FromResult(new StoryAssignment(storyId, isNew, isNew ? 0 : similarity));
        }
    }

    private (string? StoryId, double Similarity) BestStory(StoryFingerprint fingerprint, DateTimeOffset seenAt)
    {
        string? best = null;
        var bestSimilarity = 0.0;
        var compared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var band in fingerprint.BandKeys)
        {
            if (!_bands.TryGetValue(band, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (!compared.Add(candidate))
                {
                    continue;
                }

                var member = _articles[candidate];
                if (seenAt - _storyLastSeen[member.StoryId] > _options.MaxStoryAge)
                {
                    continue;
                }

                var similarity = fingerprint.Similarity(member.Fingerprint);
                if (similarity >= _options.SimilarityThreshold && similarity > bestSimilarity)
                {
                    best = member.StoryId;
                    bestSimilarity = similarity;
                }
            }
        }

        return (best, bestSimilarity);
    }

    private sealed record Member(string StoryId, StoryFingerprint Fingerprint, int Order);
}
