using System.Text;
using NewsWatch.Assessment;
using NewsWatch.Evaluation.Relevance;

namespace NewsWatch.Evaluation.Tests.Relevance;

public class EvaluationTests
{
    [Theory]
    [InlineData("MIIT", "MIIT", true)]
    [InlineData("miit", "MIIT", true)]
    [InlineData("other", "LOCAL", true)]
    [InlineData("other", "MIIT", false)]
    [InlineData("other", null, false)]
    [InlineData("NDRC", "LOCAL", false)]
    public void Other_matches_any_regulator_the_labels_do_not_name(string gold, string? predicted, bool expected) =>
        Assert.Equal(expected, RelevanceEvaluation.RegulatorMatches(gold, predicted, new HashSet<string>(["NDRC", "MIIT"], StringComparer.OrdinalIgnoreCase)));

    [Fact]
    public void Binary_metrics_compute_precision_recall_and_f1()
    {
        var m = default(BinaryMetrics).Add(true, true).Add(true, true).Add(true, false).Add(false, true).Add(false, false);

        Assert.Equal((2, 1, 1, 1), (m.TruePositives, m.FalsePositives, m.FalseNegatives, m.TrueNegatives));
        Assert.Equal(2.0 / 3, m.Precision, 10);
        Assert.Equal(2.0 / 3, m.Recall, 10);
        Assert.Equal(2.0 / 3, m.F1, 10);
        Assert.Equal(0, default(BinaryMetrics).F1);
    }

    [Fact]
    public void Confusion_matrix_counts_pairs_and_adds_unlisted_labels()
    {
        var matrix = new ConfusionMatrix(["granted", "pending", "none"]);
        matrix.Add("granted", "granted");
        matrix.Add("pending", "granted");
        matrix.Add("none", "denied");

        Assert.Equal(1, matrix["pending", "granted"]);
        Assert.Equal(0, matrix["granted", "pending"]);
        Assert.Equal(["granted", "pending", "none", "denied"], matrix.Labels);
        Assert.Contains("pending", matrix.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_parses_records_and_names_the_bad_line()
    {
        var records = LabeledExcerptReader.Read(new StringReader(
            """
            {"id": "a", "text": "t1", "relevant": true, "approval": "granted", "regulator": "NDRC", "lang": "en"}

            {"id": "b", "text": "t2", "relevant": false, "approval": "none", "regulator": null}
            """));

        Assert.Equal([("a", true, "granted", "NDRC"), ("b", false, "none", null)], records.Select(r => (r.Id, r.Relevant, r.Approval, r.Regulator)));
        var error = Assert.Throws<FormatException>(() => LabeledExcerptReader.Read(new StringReader("{\"id\": \"a\"}\n{ nope")));
        Assert.StartsWith("line 1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_scores_predictions_and_writes_one_json_line_per_record()
    {
        LabeledExcerpt[] records =
        [
            new("g", "granted text", true, "granted", "NDRC", "en"),
            new("p", "pending text", true, "pending", null, "en"),
            new("n", "none text", false, "none", null, "en"),
        ];
        var evaluation = RelevanceEvaluation.Run(new ScriptedAssessor(), records);

        Assert.Equal(1, evaluation.Granted.TruePositives);
        Assert.Equal(1, evaluation.FalseGrants);
        Assert.Equal(1, evaluation.Relevance.FalseNegatives);
        Assert.Equal((1, 1), (evaluation.RegulatorsLabeled, evaluation.RegulatorsMatched));

        using var output = new MemoryStream();
        evaluation.WritePredictions(output);
        Assert.Equal(
            """
            {"id":"g","relevant":true,"score":0.9,"approval":"granted","regulator":"NDRC"}
            {"id":"p","relevant":false,"score":0.1,"approval":"granted","regulator":null}
            {"id":"n","relevant":false,"score":0.1,"approval":"none","regulator":null}

            """.ReplaceLineEndings("\n"),
            Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void Throughput_counts_every_timed_item()
    {
        var calls = 0;
        var t = Throughput.Measure(3, 4, _ => calls++);

        Assert.Equal(3 * (4 + 2), calls);
        Assert.Equal((3, 4), (t.Items, t.Passes));
        Assert.True(t.Elapsed > TimeSpan.Zero);
    }

    /// <summary>Grants everything whose text says "granted" or "pending" (a deliberately wrong grant for "pending").</summary>
    private sealed class ScriptedAssessor : IArticleAssessor
    {
        public NewsWatch.Assessment.ArticleAssessment Assess(AssessmentInput input)
        {
            var grants = !input.Text.StartsWith("none", StringComparison.Ordinal);
            var regulator = input.Text.StartsWith("granted", StringComparison.Ordinal) ? "NDRC" : ApprovalEvent.UnspecifiedRegulator;
            ApprovalEvent[] events = grants
                ? [new ApprovalEvent($"s|{regulator}|k", "s", regulator, "k", ApprovalStatus.Granted, input.Text, [])]
                : [];
            return new(new RelevanceResult(regulator == "NDRC", regulator == "NDRC" ? 0.9 : 0.1, []), events);
        }
    }
}

public class PublishedDateAndSplitTests
{
    [Fact]
    public void The_published_date_reaches_the_assessor_so_a_dated_grant_is_judged_against_it()
    {
        var records = LabeledExcerptReader.Read(new StringReader(
            """
            {"id": "old", "published": "2025-03-01", "text": "Xiaomi's car unit grew. Xiaomi received NDRC approval to build electric cars in August 2023.", "relevant": true, "approval": "none", "regulator": null}
            {"id": "new", "published": "2023-08-24T08:00:00Z", "text": "Xiaomi received NDRC approval to build electric cars in August 2023.", "relevant": true, "approval": "granted", "regulator": "NDRC", "story": "ndrc"}
            """));

        var evaluation = RelevanceEvaluation.Run(ArticleAssessor.ForXiaomiEv(), records);

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), records[0].Published);
        Assert.Equal("ndrc", records[1].Story);
        Assert.Equal(["none", "granted"], evaluation.Predictions.Select(p => p.Approval));
        Assert.Equal(1.0, evaluation.RegulatorAccuracy);
    }

    [Fact]
    public void Split_takes_the_first_or_second_half_by_position()
    {
        var records = Enumerable.Range(1, 5).Select(i => new LabeledExcerpt($"r{i}", "t", true, "none", null, null)).ToList();

        Assert.Equal(["r1", "r2", "r3"], LabeledExcerptReader.Split(records, "first").Select(r => r.Id));
        Assert.Equal(["r4", "r5"], LabeledExcerptReader.Split(records, "second").Select(r => r.Id));
        Assert.Equal(5, LabeledExcerptReader.Split(records, null).Count);
    }
}
