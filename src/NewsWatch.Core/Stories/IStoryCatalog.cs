namespace NewsWatch.Stories;

/// <summary>
/// Read side of the story grouping: which stories exist and which articles (across outlets and languages) they
/// hold. The story index implements it; until then <see cref="ArticleIndexStoryCatalog"/> answers from the
/// article index.
/// </summary>
public interface IStoryCatalog
{
    /// <summary>Stories with an article seen at or after <paramref name="since"/>, most recently seen first.</summary>
    IAsyncEnumerable<StorySummary> ListAsync(DateTimeOffset since, CancellationToken cancellationToken);

    Task<StorySummary?> GetAsync(string storyId, CancellationToken cancellationToken);
}

/// <summary>One story: the same news across outlets and languages.</summary>
/// <param name="Title">The title of its first article.</param>
/// <param name="FirstSeen">When the first of its articles was processed.</param>
/// <param name="LastSeen">When the latest of its articles was processed.</param>
/// <param name="EventKeys">Approval events any of its articles reports.</param>
public sealed record StorySummary(
    string Id,
    string? Title,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Languages,
    IReadOnlyList<StorySource> Sources,
    IReadOnlyList<string> EventKeys);

/// <summary>One article of a story.</summary>
public sealed record StorySource(
    string ArticleKey,
    Uri Url,
    string? Title,
    string? Outlet,
    string? Language,
    DateTimeOffset? Published);
