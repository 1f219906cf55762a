using NewsWatch.Evaluation.Relevance;

namespace NewsWatch.Evaluation.Tests.Relevance;

public sealed class BCubedTests
{
    [Fact]
    public void Scores_each_item_by_its_own_clusters()
    {
        // Gold {a1,a2,a3} {b1}; predicted {a1,a2} {a3,b1}.
        var b = BCubed.Score([("a", "x"), ("a", "x"), ("a", "y"), ("b", "y")]);

        Assert.Equal((1 + 1 + 0.5 + 0.5) / 4, b.Precision, 6);
        Assert.Equal(((2.0 / 3) + (2.0 / 3) + (1.0 / 3) + 1) / 4, b.Recall, 6);
        Assert.Equal((2, 2), (b.GoldClusters, b.PredictedClusters));
    }

    [Fact]
    public void Singletons_everywhere_have_full_precision()
    {
        var b = BCubed.Score([("a", "1"), ("a", "2"), ("b", "3")]);

        Assert.Equal(1, b.Precision);
        Assert.True(b.Recall < 1);
    }
}
