namespace NewsWatch.Stories;

/// <summary>
/// 64-bit hashes that are identical in every process and on every machine (unlike
/// <see cref="string.GetHashCode()"/>, which is randomised per process), so fingerprints and LSH band
/// keys computed by one worker can be compared with those stored by another.
/// FNV-1a over UTF-16 code units, finalised with the SplitMix64 mixer for good bit spread.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h = (h ^ (byte)c) * FnvPrime;
            h = (h ^ (byte)(c >> 8)) * FnvPrime;
        }

        return Mix(h);
    }

    /// <summary>Order-dependent combination, for sequences of hashes (shingles, bands).</summary>
    public static ulong Combine(ulong seed, ulong value) => Mix(seed ^ (value + 0x9E3779B97F4A7C15UL + (seed << 6) + (seed >> 2)));

    /// <summary>SplitMix64 finaliser: a bijection on 64-bit values with full avalanche.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
