namespace NewsWatch.Stories;

/// <summary>Which story an article was put in.</summary>
/// <param name="StoryId">Stable id: derived from the story's first article key, never from time or process.</param>
/// <param name="IsNew">True when this article started the story.</param>
/// <param name="Similarity">Estimated Jaccard similarity to the closest earlier member (0 for a new story).</param>
public sealed record StoryAssignment(string StoryId, bool IsNew, double Similarity);

/// <summary>Groups near-duplicate articles into stories, remembering the grouping.</summary>
public interface IStoryIndex
{
    /// <summary>
    /// Puts the article in the story of its most similar earlier article at or above the threshold,
    /// or starts a new story. Assigning the same article key again returns its existing story.
    /// </summary>
    Task<StoryAssignment> AssignAsync(string articleKey, StoryFingerprint fingerprint, DateTimeOffset seenAt, CancellationToken ct);
}
