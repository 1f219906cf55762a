namespace NewsWatch.Evaluation.Relevance;

/// <summary>
/// B-cubed scores of a clustering against gold clusters: per item, the share of its predicted cluster that is in its
/// gold cluster (precision) and the share of its gold cluster that is in its predicted cluster (recall), averaged over
/// items; F1 is their harmonic mean. Unlike pair counting, a big story does not drown the singletons.
/// </summary>
public sealed record BCubed(double Precision, double Recall, int Items, int GoldClusters, int PredictedClusters)
{
    public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;

    public static BCubed Score(IReadOnlyList<(string Gold, string Predicted)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return new BCubed(0, 0, 0, 0, 0);
        }

        var both = items.CountBy(i => i).ToDictionary(p => p.Key, p => p.Value);
        var gold = items.CountBy(i => i.Gold).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var predicted = items.CountBy(i => i.Predicted).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        double precision = 0, recall = 0;
        foreach (var item in items)
        {
            var shared = both[item];
            precision += (double)shared / predicted[item.Predicted];
            recall += (double)shared / gold[item.Gold];
        }

        return new BCubed(precision / items.Count, recall / items.Count, items.Count, gold.Count, predicted.Count);
    }
}
