using NewsWatch.Assessment;
using NewsWatch.Stories;

namespace NewsWatch.Evaluation.Relevance;

/// <summary>The story each record was put in, and B-cubed scores when the records carry story labels.</summary>
public sealed record StoryEvaluation(IReadOnlyList<StoryAssignment> Assignments, IReadOnlyList<StoryEvidence> Evidence, BCubed? Scores)
{
    /// <summary>
    /// A fixed publication time for records that carry none: every record is then inside every other's window, the
    /// hardest case for precision. Records with a "published" date are placed at it, as the pipeline places articles.
    /// </summary>
    public static readonly DateTimeOffset UndatedTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Assigns the assessed records one by one in file order to an empty in-memory index, as the pipeline would
    /// see them arrive: each decision sees only the records before it.
    /// </summary>
    public static async Task<StoryEvaluation> RunAsync(StoryComponents stories, IReadOnlyList<ExcerptPrediction> predictions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(predictions);
        var index = stories.NewIndex();
        var assignments = new List<StoryAssignment>(predictions.Count);
        var evidences = new List<StoryEvidence>(predictions.Count);
        foreach (var (record, assessment) in predictions.Select(p => (p.Record, p.Assessment)))
        {
            var evidence = stories.Reader.Read(null, record.Text, assessment);
            evidences.Add(evidence);
            assignments.Add(await index.AssignAsync(
                new StoryArticle(record.Id, record.Url, null, record.Url?.Host, record.Language, record.Published ?? UndatedTime, evidence), ct));
        }

        var labeled = predictions.Zip(assignments).Where(p => p.First.Record.Story is not null).Select(p => (p.First.Record.Story!, p.Second.StoryId)).ToList();
        return new StoryEvaluation(assignments, evidences, labeled.Count > 0 ? BCubed.Score(labeled) : null);
    }
}
