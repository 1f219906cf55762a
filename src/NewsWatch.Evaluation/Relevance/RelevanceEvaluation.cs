using System.Diagnostics;
using System.Text.Json;

using NewsWatch.Assessment;

namespace NewsWatch.Evaluation.Relevance;

/// <summary>What the assessor said about one labeled record.</summary>
/// <param name="Approval">"granted", "pending", "denied" or "none".</param>
/// <param name="Regulator">Regulator of the primary event, or null when none is named.</param>
public sealed record ExcerptPrediction(LabeledExcerpt Record, bool Relevant, double Score, string Approval, string? Regulator)
{
    /// <summary>The whole assessment, for checks built on it (story grouping) without assessing the record again.</summary>
    public required NewsWatch.Assessment.ArticleAssessment Assessment { get; init; }
}

/// <summary>Scores of an assessor on a labeled corpus.</summary>
public sealed record RelevanceEvaluation(
    IReadOnlyList<ExcerptPrediction> Predictions,
    BinaryMetrics Relevance,
    BinaryMetrics Granted,
    ConfusionMatrix Approval,
    int RegulatorsLabeled,
    int RegulatorsMatched,
    TimeSpan AssessmentTime)
{
    /// <summary>Records labeled pending or none that were reported as granted: must be 0.</summary>
    public int FalseGrants => Granted.FalsePositives;

    /// <summary>Share of records labeled granted/pending with a regulator whose primary event names that regulator.</summary>
    public double RegulatorAccuracy => RegulatorsLabeled == 0 ? 0 : (double)RegulatorsMatched / RegulatorsLabeled;

    public double ArticlesPerSecond => AssessmentTime > TimeSpan.Zero ? Predictions.Count / AssessmentTime.TotalSeconds : 0;

    public static RelevanceEvaluation Run(IArticleAssessor assessor, IReadOnlyList<LabeledExcerpt> records)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(records);
        var predictions = new List<ExcerptPrediction>(records.Count);
        var elapsed = TimeSpan.Zero;
        foreach (var record in records)
        {
            var start = Stopwatch.GetTimestamp();
            var assessment = assessor.Assess(record.ToAssessmentInput());
            elapsed += Stopwatch.GetElapsedTime(start);
            predictions.Add(new ExcerptPrediction(
                record,
                assessment.Relevance.IsRelevant,
                assessment.Relevance.Score,
                ApprovalLabel(assessment),
                assessment.PrimaryEvent is { Regulator: not ApprovalEvent.UnspecifiedRegulator } e ? e.Regulator : null)
            {
                Assessment = assessment,
            });
        }

        var relevance = default(BinaryMetrics);
        var granted = default(BinaryMetrics);
        var confusion = new ConfusionMatrix(["granted", "pending", "none"]);
        int labeled = 0, matched = 0;
        var named = NamedRegulatorLabels(records);
        foreach (var p in predictions)
        {
            relevance = relevance.Add(p.Relevant, p.Record.Relevant);
            granted = granted.Add(p.Approval == "granted", p.Record.Approval == "granted");
            confusion.Add(p.Record.Approval, p.Approval);
            if (p.Record.Regulator is { } gold && p.Record.Approval != "none")
            {
                labeled++;
                matched += RegulatorMatches(gold, p.Regulator, named) ? 1 : 0;
            }
        }

        return new RelevanceEvaluation(predictions, relevance, granted, confusion, labeled, matched, elapsed);
    }

    /// <summary>The label <c>other</c> stands for every authority the labels do not name.</summary>
    public const string OtherRegulatorLabel = "other";

    /// <summary>
    /// Whether the predicted regulator is the labeled one. The labels name a few regulators (NDRC, MIIT) and call every
    /// other authority "other", so a predicted regulator that no label names (a city, a foreign authority) matches "other".
    /// </summary>
    public static bool RegulatorMatches(string gold, string? predicted, IReadOnlySet<string> namedLabels)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(namedLabels);
        return string.Equals(gold, predicted, StringComparison.OrdinalIgnoreCase)
            || (string.Equals(gold, OtherRegulatorLabel, StringComparison.OrdinalIgnoreCase) && predicted is not null && !namedLabels.Contains(predicted));
    }

    private static HashSet<string> NamedRegulatorLabels(IReadOnlyList<LabeledExcerpt> records) =>
        records.Select(r => r.Regulator)
            .OfType<string>()
            .Where(r => !string.Equals(r, OtherRegulatorLabel, StringComparison.OrdinalIgnoreCase))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The article-level approval label: the primary event's status, or "none".</summary>
    public static string ApprovalLabel(NewsWatch.Assessment.ArticleAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.ApprovalStatusForArticle?.ToString().ToLowerInvariant() ?? "none";
    }

    /// <summary>One line per record: {"id","relevant","score","approval","regulator"}, and "story" when <paramref name="stories"/> is given.</summary>
    public void WritePredictions(Stream output, IReadOnlyList<string>? stories = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        for (var i = 0; i < Predictions.Count; i++)
        {
            var p = Predictions[i];
            using (var json = new Utf8JsonWriter(output))
            {
                json.WriteStartObject();
                json.WriteString("id", p.Record.Id);
                json.WriteBoolean("relevant", p.Relevant);
                json.WriteNumber("score", p.Score);
                json.WriteString("approval", p.Approval);
                if (p.Regulator is null)
                {
                    json.WriteNull("regulator");
                }
                else
                {
                    json.WriteString("regulator", p.Regulator);
                }

                if (stories is not null)
                {
                    json.WriteString("story", stories[i]);
                }

                json.WriteEndObject();
            }

            output.WriteByte((byte)'\n');
        }
    }
}
