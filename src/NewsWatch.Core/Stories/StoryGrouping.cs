namespace NewsWatch.Stories;

/// <summary>Assigns a batch of articles, in order, to stories of an index: the order the pipeline would see them in.</summary>
public static class StoryGrouping
{
    public static async Task<IReadOnlyList<StoryAssignment>> AssignAllAsync(IStoryIndex index, IEnumerable<StoryArticle> articles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(articles);
        var assignments = new List<StoryAssignment>();
        foreach (var article in articles)
        {
            assignments.Add(await index.AssignAsync(article, ct));
        }

        return assignments;
    }
}

/// <summary>The story parts for one watch subject, composed without a container (CLI, evaluation, tests).</summary>
public sealed record StoryComponents(StoryEvidenceReader Reader, StoryMatcher Matcher)
{
    public static StoryComponents For(NewsWatch.Assessment.WatchSubjectOptions subject, StoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options ?? new StoryOptions());
        var lexicon = new StoryLexicon(subject, wrapped.Value);
        return new StoryComponents(
            new StoryEvidenceReader(new StoryFingerprinter(wrapped), lexicon, wrapped),
            new StoryMatcher(wrapped, lexicon));
    }

    public InMemoryStoryIndex NewIndex() => new(Matcher);
}
