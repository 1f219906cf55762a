using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Stories;

/// <summary>How articles are fingerprinted and grouped into stories. Defaults are measured; see docs on each.</summary>
public sealed class StoryOptions
{
    public const string SectionName = "Stories";

    /// <summary>Words per shingle for space-separated scripts.</summary>
    [Range(1, 16)]
    public int WordShingleSize { get; set; } = 3;

    /// <summary>Characters per shingle for Chinese/Japanese runs (no spaces between words).</summary>
    [Range(1, 16)]
    public int CjkShingleSize { get; set; } = 3;

    /// <summary>MinHash functions; the signature has this many 64-bit minima. Must equal Bands × RowsPerBand.</summary>
    [Range(1, 1024)]
    public int HashCount { get; set; } = 126;

    /// <summary>LSH bands of the fingerprint (kept for the fingerprint's pinned band keys; the index no longer files by band).</summary>
    [Range(1, 1024)]
    public int Bands { get; set; } = 42;

    /// <summary>Signature rows per band.</summary>
    [Range(1, 1024)]
    public int RowsPerBand { get; set; } = 3;

    /// <summary>
    /// Estimated Jaccard similarity of 3-word shingle sets at or above which an article is a copy of a story member.
    /// Measured on the seeds and dev excerpts: syndicated copies and script variants 0.72–0.87; rewrites by different
    /// outlets at most 0.10; different stories at most 0.05. A copy joins on this alone.
    /// </summary>
    [Range(0.05, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.4;

    /// <summary>Texts with fewer shingles are not compared by shingles (an empty or two-line page would match anything short).</summary>
    [Range(0, 10_000)]
    public int MinShingles { get; set; } = 8;

    /// <summary>
    /// Half-width of a story's time window: an article joins only a story whose first article was published at most
    /// this long before or after it. One news event is reported within days; a week keeps late translations.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Evidence score at or above which a rewrite (not a copy) joins a story. See <see cref="StoryMatcher"/> for the
    /// weights; measured on the dev excerpts, rewrites of one event score 5 and more, different events of the same
    /// company in one week at most 3.
    /// </summary>
    [Range(1.0, 100.0)]
    public double JoinScore { get; set; } = 4.5;

    /// <summary>Sources listed on a story row; later members still join, but are only counted (a Table property holds 64 KiB).</summary>
    [Range(1, 200)]
    public int MaxSources { get; set; } = 60;

    /// <summary>Member signatures kept per story for copy detection: the first members, who set the story's wording.</summary>
    [Range(1, 16)]
    public int MaxSignatures { get; set; } = 3;

    /// <summary>Characters of headline and text whose quantities count (the lead; later figures are mostly background).</summary>
    [Range(100, 100_000)]
    public int LeadChars { get; set; } = 1000;

    /// <summary>Distinct quantities kept per story.</summary>
    [Range(1, 512)]
    public int MaxQuantities { get; set; } = 48;

    /// <summary>
    /// Names the watch subject does not list but that tell one event from another (a partner, a news agency whose
    /// report is being retold, a kind of news such as a recall), with their spellings in every script. The subject's
    /// company, products, regulators and other parties are added from <c>WatchSubject</c>; when this list is empty
    /// <see cref="StoryEntityOptions.Defaults"/> is used.
    /// </summary>
    public List<StoryEntityOptions> Entities { get; set; } = [];
}

/// <summary>One named thing and its spellings (TermMatcher pattern syntax: trailing * is a stem).</summary>
public sealed class StoryEntityOptions
{
    public string Name { get; set; } = "";

    public List<string> Aliases { get; set; } = [];

    /// <summary>Evidence weight of sharing it; news agencies and kinds of news are weaker than partners and models.</summary>
    public double Weight { get; set; } = 1;

    public static List<StoryEntityOptions> Defaults() =>
    [
        Entity("Reuters", 0.5, "Reuters", "路透", "路透社", "ロイター", "로이터", "Рейтер*"),
        Entity("Bloomberg", 0.5, "Bloomberg", "彭博", "彭博社", "ブルームバーグ", "블룸버그", "Блумберг*"),
        Entity("recall", 1, "recall*", "召回", "リコール", "리콜", "Rückruf*", "rappel*", "retirada*", "richiam*", "отзыв*", "visszahív*", "recolhimento"),
        Entity("earnings", 1, "quarterly results", "earnings", "revenue", "财报", "营收", "季度", "Quartal*", "Umsatz", "выручк*", "bevétel*"),
        Entity("deliveries", 0.5, "deliveries", "delivered", "交付", "交付量", "Auslieferung*", "livraisons", "entregas", "поставк*"),
        Entity("launch", 0.5, "launch*", "unveil*", "发布会", "上市", "vorgestellt", "présent*", "lanza*", "презентаци*"),
        Entity("chip", 1, "chip", "chips", "chipset*", "processor", "芯片", "玄戒", "Chip*", "procesor*", "процессор*"),
    ];

    private static StoryEntityOptions Entity(string name, double weight, params string[] aliases) =>
        new() { Name = name, Weight = weight, Aliases = [.. aliases] };
}
