namespace NewsWatch.Stories;

/// <summary>
/// MinHash signature of an article's shingle set, and its LSH band keys.
/// </summary>
/// <param name="Minima">One minimum per hash function; equal positions estimate Jaccard similarity.</param>
/// <param name="BandKeys">One key per band, "b{band:00}-{16 hex}": safe as a Table Storage row key. Empty when the text is too short to group.</param>
/// <param name="ShingleCount">Distinct shingles the signature was computed from.</param>
public sealed record StoryFingerprint(IReadOnlyList<ulong> Minima, IReadOnlyList<string> BandKeys, int ShingleCount)
{
    /// <summary>Estimated Jaccard similarity of the two shingle sets: the share of equal minima.</summary>
    public double Similarity(StoryFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Minima.Count != other.Minima.Count || Minima.Count == 0)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < Minima.Count; i++)
        {
            equal += Minima[i] == other.Minima[i] ? 1 : 0;
        }

        return (double)equal / Minima.Count;
    }
}
