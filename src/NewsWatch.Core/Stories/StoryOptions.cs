namespace NewsWatch.Stories;

/// <summary>How articles are fingerprinted and grouped into stories. Defaults are measured; see docs on each.</summary>
public sealed class StoryOptions
{
    public const string SectionName = "Stories";

    /// <summary>Words per shingle for space-separated scripts.</summary>
    public int WordShingleSize { get; set; } = 3;

    /// <summary>Characters per shingle for Chinese/Japanese runs (no spaces between words).</summary>
    public int CjkShingleSize { get; set; } = 3;

    /// <summary>MinHash functions; the signature has this many 64-bit minima. Must equal Bands × RowsPerBand.</summary>
    public int HashCount { get; set; } = 126;

    /// <summary>LSH bands; each yields one band key (one index row per article in a table store).</summary>
    public int Bands { get; set; } = 42;

    /// <summary>
    /// Signature rows per band. Two articles share a band key with probability 1 − (1 − s^r)^b for
    /// Jaccard similarity s: with 42 × 3 that is 0.94 at s = 0.4 (the threshold), 0.996 at 0.5 and 0.04
    /// at 0.1, so copies are found and unrelated articles are rarely even compared.
    /// </summary>
    public int RowsPerBand { get; set; } = 3;

    /// <summary>
    /// Estimated Jaccard similarity of 3-word shingle sets at or above which an article joins a story.
    /// Measured on the seeds and dev excerpts: syndicated copies and script variants 0.72–0.87;
    /// rewrites of one story by different outlets at most 0.10 (seeds 000/002: 0.026); different
    /// stories at most 0.05. 0.4 sits in that gap, low enough to take a copy that keeps half the text.
    /// </summary>
    public double SimilarityThreshold { get; set; } = 0.4;

    /// <summary>Texts with fewer shingles are not grouped (an empty or two-line page would match anything short).</summary>
    public int MinShingles { get; set; } = 8;

    /// <summary>A story takes no new members after this long without one; syndication happens within days.</summary>
    public TimeSpan MaxStoryAge { get; set; } = TimeSpan.FromDays(14);
}
