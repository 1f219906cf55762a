namespace NewsWatch.Stories;

/// <summary>Fingerprints a batch of texts and assigns them, in order, to stories of an index.</summary>
public static class StoryGrouping
{
    public static async Task<IReadOnlyList<StoryAssignment>> AssignAllAsync(
        StoryFingerprinter fingerprinter,
        IStoryIndex index,
        IReadOnlyList<(string Key, string Text, DateTimeOffset SeenAt)> articles,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fingerprinter);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(articles);
        var assignments = new List<StoryAssignment>(articles.Count);
        foreach (var (key, text, seenAt) in articles)
        {
            assignments.Add(await index.AssignAsync(key, fingerprinter.Compute(text), seenAt, ct));
        }

        return assignments;
    }
}
