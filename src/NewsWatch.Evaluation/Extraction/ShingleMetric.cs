using NewsWatch.Extraction;

namespace NewsWatch.Evaluation.Extraction;

/// <summary>One page's shingle comparison: TP/FP/FN normalised to sum to 1, and the derived scores.</summary>
/// <param name="Precision">Null when the page has no predicted shingles (TP+FP = 0): left out of the precision mean.</param>
/// <param name="Recall">Null when the page has no gold shingles (TP+FN = 0): left out of the recall mean.</param>
public readonly record struct PageScore(double TruePositive, double FalsePositive, double FalseNegative, double? Precision, double? Recall);

/// <summary>Means over pages and the F1 of those means.</summary>
public readonly record struct ScoreSummary(int Pages, double Precision, double Recall)
{
    public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;
}

/// <summary>
/// The article-extraction-benchmark metric, as the corpus README defines it: tokens are maximal runs
/// of word characters; each side becomes a multiset of 4-token shingles (a text of 1–3 tokens is one
/// shorter shingle, as in the benchmark's own code); TP is the shared count, FP the surplus in the
/// prediction, FN the shortfall; the three are normalised to sum to 1. Precision and recall are 1
/// when FP = FN = 0 and 0 when their numerator and the other term are both 0; they are averaged
/// over pages, and F1 is taken from the two means.
/// </summary>
public static class ShingleMetric
{
    public const int ShingleSize = 4;

    public static PageScore Score(string gold, string predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);

        // Tokens become small integers so that a shingle is four ints: no string concatenation per shingle.
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var goldCounts = CountShingles(Tokenize(gold, vocabulary));
        var predictedCounts = CountShingles(Tokenize(predicted, vocabulary));

        double tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, predictedCount) in predictedCounts)
        {
            var goldCount = goldCounts.GetValueOrDefault(shingle);
            tp += Math.Min(goldCount, predictedCount);
            fp += Math.Max(0, predictedCount - goldCount);
        }

        foreach (var (shingle, goldCount) in goldCounts)
        {
            fn += Math.Max(0, goldCount - predictedCounts.GetValueOrDefault(shingle));
        }

        var total = tp + fp + fn;
        if (total > 0)
        {
            tp /= total;
            fp /= total;
            fn /= total;
        }

        return new PageScore(tp, fp, fn, Precision(tp, fp, fn), Recall(tp, fp, fn));
    }

    public static ScoreSummary Summarise(IReadOnlyCollection<PageScore> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        double precisionSum = 0, recallSum = 0;
        int precisionPages = 0, recallPages = 0;
        foreach (var page in pages)
        {
            if (page.Precision is { } p)
            {
                precisionSum += p;
                precisionPages++;
            }

            if (page.Recall is { } r)
            {
                recallSum += r;
                recallPages++;
            }
        }

        return new ScoreSummary(
            pages.Count,
            precisionPages == 0 ? 0 : precisionSum / precisionPages,
            recallPages == 0 ? 0 : recallSum / recallPages);
    }

    /// <summary>Word tokens as Python's re.findall(r"\w+") returns them.</summary>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var start = -1;
        var i = 0;
        foreach (var rune in text.AsSpan().EnumerateRunes())
        {
            var isWord = TextStatistics.IsWordRune(rune);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }

            i += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            tokens.Add(text[start..]);
        }

        return tokens;
    }

    private static double? Precision(double tp, double fp, double fn) =>
        tp + fp == 0 ? null : fp == 0 && fn == 0 ? 1 : tp / (tp + fp);

    private static double? Recall(double tp, double fp, double fn) =>
        tp + fn == 0 ? null : fp == 0 && fn == 0 ? 1 : tp / (tp + fn);

    private static List<int> Tokenize(string text, Dictionary<string, int> vocabulary)
    {
        var ids = new List<int>();
        foreach (var token in Tokenize(text))
        {
            if (!vocabulary.TryGetValue(token, out var id))
            {
                id = vocabulary.Count;
                vocabulary[token] = id;
            }

            ids.Add(id);
        }

        return ids;
    }

    private static Dictionary<(int, int, int, int), int> CountShingles(List<int> tokens)
    {
        var counts = new Dictionary<(int, int, int, int), int>();
        if (tokens.Count == 0)
        {
            return counts;
        }

        if (tokens.Count < ShingleSize)
        {
            // Shorter than one shingle: the whole token list is the single shingle (-1 pads the unused slots).
            counts[(tokens[0], tokens.Count > 1 ? tokens[1] : -1, tokens.Count > 2 ? tokens[2] : -1, -1)] = 1;
            return counts;
        }

        for (var i = 0; i + ShingleSize <= tokens.Count; i++)
        {
            var key = (tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }
}
