using NewsWatch.Evaluation.Extraction;
using NewsWatch.Benchmarks.Extraction;
using NewsWatch.Benchmarks.Measurement;

namespace NewsWatch.Evaluation.Tests.Extraction;

public sealed class ShingleMetricTests
{
    [Fact]
    public void Tokenizes_like_python_word_regex()
    {
        // Punctuation splits; underscore and digits belong to words; a combining mark (U+0301) is not a
        // word character in Python's \w, so "cafe\u0301" is two tokens there and here.
        Assert.Equal(["It", "s", "a_b", "42", "Ünïcode", "東京"], ShingleMetric.Tokenize("It's a_b, 42 — Ünïcode! 東京"));
        Assert.Equal(["cafe", "x"], ShingleMetric.Tokenize("cafe\u0301x"));
    }

    [Fact]
    public void Identical_texts_score_one()
    {
        var score = ShingleMetric.Score("one two three four five", "one two three four five");

        Assert.Equal(1, score.Precision);
        Assert.Equal(1, score.Recall);
    }

    [Fact]
    public void Counts_shingles_as_a_multiset_and_normalises()
    {
        // gold: (a b c d), (b c d e); predicted: (a b c d), (b c d x) → TP 1, FP 1, FN 1.
        var score = ShingleMetric.Score("a b c d e", "a b c d x");

        Assert.Equal(1 / 3.0, score.TruePositive, 9);
        Assert.Equal(1 / 3.0, score.FalsePositive, 9);
        Assert.Equal(1 / 3.0, score.FalseNegative, 9);
        Assert.Equal(0.5, score.Precision!.Value, 9);
        Assert.Equal(0.5, score.Recall!.Value, 9);
    }

    [Fact]
    public void Empty_prediction_is_left_out_of_precision_and_scores_zero_recall()
    {
        var score = ShingleMetric.Score("some gold text here please", "");

        Assert.Null(score.Precision);
        Assert.Equal(0, score.Recall);
    }

    [Fact]
    public void Both_empty_is_perfect()
    {
        var score = ShingleMetric.Score("", "");

        Assert.Equal(1, score.Precision ?? 1);
        Assert.Null(score.Recall);
    }

    [Fact]
    public void Text_shorter_than_a_shingle_is_one_shingle()
    {
        Assert.Equal(1, ShingleMetric.Score("two words", "two words").Precision);
        Assert.Equal(0, ShingleMetric.Score("two words", "other words").Precision);
    }

    [Fact]
    public void Summary_averages_pages_and_takes_f1_of_the_means()
    {
        var pages = new[]
        {
            new PageScore(0.5, 0.5, 0, 0.5, 1),
            new PageScore(1, 0, 0, 1, 1),
            new PageScore(0, 0, 1, null, 0),
        };

        var summary = ShingleMetric.Summarise(pages);

        Assert.Equal(0.75, summary.Precision, 9);
        Assert.Equal(2 / 3.0, summary.Recall, 9);
        Assert.Equal(2 * 0.75 * (2 / 3.0) / (0.75 + 2 / 3.0), summary.F1, 9);
    }
}
