using NewsWatch.Assessment;

namespace NewsWatch.Evaluation.Relevance;

/// <summary>Counts of a yes/no decision against labels, and the usual rates. Rates with an empty denominator are 0.</summary>
public readonly record struct BinaryMetrics(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => Rate(TruePositives, TruePositives + FalsePositives);

    public double Recall => Rate(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public BinaryMetrics Add(bool predicted, bool actual) => (predicted, actual) switch
    {
        (true, true) => this with { TruePositives = TruePositives + 1 },
        (true, false) => this with { FalsePositives = FalsePositives + 1 },
        (false, true) => this with { FalseNegatives = FalseNegatives + 1 },
        _ => this with { TrueNegatives = TrueNegatives + 1 },
    };

    private static double Rate(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
