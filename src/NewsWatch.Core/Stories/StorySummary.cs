namespace NewsWatch.Stories;

/// <summary>One report of a story.</summary>
public sealed record StorySource(string ArticleKey, Uri? Url, string? Title, string? Outlet, string? Language, DateTimeOffset Published);

/// <summary>A news event and every report of it, as a reader sees it.</summary>
/// <param name="FirstSeen">Earliest publication time of its reports.</param>
/// <param name="LastSeen">Latest publication time of its reports.</param>
/// <param name="Sources">Reports in arrival order (at most <see cref="StoryOptions.MaxSources"/>).</param>
/// <param name="EventKeys">Approval events its reports name, "key=status".</param>
/// <param name="ArticleCount">Reports counted, also those beyond the listed sources.</param>
public sealed record StorySummary(
    string Id,
    string? Title,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Languages,
    IReadOnlyList<StorySource> Sources,
    IReadOnlyList<string> EventKeys,
    int ArticleCount);

/// <summary>The read side of the story index, for the read API: stories by recency, and one by id.</summary>
public interface IStoryCatalog
{
    /// <summary>Stories with a report published at or after <paramref name="since"/>, oldest window first.</summary>
    IAsyncEnumerable<StorySummary> ListAsync(DateTimeOffset since, CancellationToken ct);

    Task<StorySummary?> GetAsync(string storyId, CancellationToken ct);
}
