namespace NewsWatch.Stories;

/// <summary>Which story an article was put in.</summary>
/// <param name="StoryId">Stable id: derived from the story's first article key and time window, never from process or clock.</param>
/// <param name="IsNew">True when this article started the story.</param>
/// <param name="Score">Evidence score against the story joined (<see cref="StoryMatcher"/>); 0 for a new story.</param>
public sealed record StoryAssignment(string StoryId, bool IsNew, double Score);

/// <summary>Groups reports of one news event into stories, remembering the grouping.</summary>
public interface IStoryIndex
{
    /// <summary>
    /// Puts the article in the best-matching story of its time window, or starts a new story. Assigning the same
    /// article key again returns its existing story. Safe to call from concurrent workers: rewrites assigned at the
    /// same moment end in one story.
    /// </summary>
    Task<StoryAssignment> AssignAsync(StoryArticle article, CancellationToken ct);
}
