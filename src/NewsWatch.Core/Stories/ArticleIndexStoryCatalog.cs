using System.Runtime.CompilerServices;
using NewsWatch.Reading;

namespace NewsWatch.Stories;

/// <summary>
/// TEMPORARY: stories assembled from the article index's StoryId, until the story index provides its own
/// <see cref="IStoryCatalog"/>; then delete this file and register that one instead. Listing reads the index rows
/// processed since the given time; one story is its partition of the index.
/// </summary>
public sealed class ArticleIndexStoryCatalog(IArticleIndex index) : IStoryCatalog
{
    public async IAsyncEnumerable<StorySummary> ListAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var byStory = new Dictionary<string, List<ArticleSummary>>(StringComparer.Ordinal);
        await foreach (var a in index.ListProcessedSinceAsync(since, cancellationToken))
        {
            if (a.StoryId is { } id)
            {
                (byStory.TryGetValue(id, out var list) ? list : byStory[id] = []).Add(a);
            }
        }

        foreach (var story in byStory.Select(s => Summarize(s.Key, s.Value)).OrderByDescending(s => s.LastSeen))
        {
            yield return story;
        }
    }

    public async Task<StorySummary?> GetAsync(string storyId, CancellationToken cancellationToken)
    {
        var members = new List<ArticleSummary>();
        await foreach (var a in index.ListStoryAsync(storyId, cancellationToken))
        {
            members.Add(a);
        }

        return members.Count == 0 ? null : Summarize(storyId, members);
    }

    private static StorySummary Summarize(string id, List<ArticleSummary> members)
    {
        var ordered = members.OrderBy(m => m.ProcessedAt).ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
        return new StorySummary(
            id,
            ordered[0].Title,
            ordered[0].ProcessedAt,
            ordered[^1].ProcessedAt,
            [.. ordered.Select(m => m.Outlet).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. ordered.Select(m => ArticleQuery.LanguageBase(m.Language)).OfType<string>().Distinct(StringComparer.Ordinal)],
            [.. ordered.Select(m => new StorySource(m.Key, m.Url, m.Title, m.Outlet, m.Language, m.Published))],
            [.. ordered.SelectMany(m => m.EventKeys).Distinct(StringComparer.Ordinal)]);
    }
}
