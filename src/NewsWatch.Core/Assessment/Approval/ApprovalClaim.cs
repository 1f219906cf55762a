using NewsWatch.Assessment.Text;

namespace NewsWatch.Assessment.Approval;

/// <summary>
/// One sentence's statement about an approval for the watched subject, before the article's
/// statements are weighed against each other.
/// </summary>
/// <param name="Sentence">Index of the sentence in the analysed text.</param>
/// <param name="Zone">Where the sentence sits.</param>
/// <param name="Regulator">Index of the named regulator, or -1 when the sentence names none.</param>
/// <param name="KindCues">Kind cues in the sentence, as (regulator, kind) index pairs packed by <see cref="PackKind"/>.</param>
/// <param name="Status">What the sentence says happened.</param>
/// <param name="IsBackground">Told as backstory (past perfect, "previously", a relative clause): a grant is dropped, other statements weigh half or, when <see cref="IsPast"/>, are dropped too.</param>
/// <param name="IsHedged">Attributed to sources ("reportedly"): still counts.</param>
/// <param name="IsRequirement">Pending only because something is still required ("still needs"): weighs half.</param>
/// <param name="IsExplicit">The sentence itself names both the subject and the regulator: the most specific evidence an article offers.</param>
/// <param name="Anchor">The approval word or verb.</param>
/// <param name="Cue">The word that decided the status.</param>
internal readonly record struct ApprovalClaim(
    int Sentence,
    TextZone Zone,
    int Regulator,
    IReadOnlyList<int> KindCues,
    ApprovalStatus Status,
    bool IsBackground,
    bool IsHedged,
    bool IsRequirement,
    bool IsExplicit,
    string Anchor,
    string Cue)
{
    /// <summary>Index of the subject's model the sentence names nearest the approval word, or -1.</summary>
    public int Model { get; init; } = -1;

    /// <summary>Why the statement is backstory (for the reasons), or null.</summary>
    public string? Backstory { get; init; }

    /// <summary>
    /// Placed before the article (past perfect, a retrospective, a past date): history whatever its status, where a
    /// relative clause alone makes only a grant history.
    /// </summary>
    public bool IsPast { get; init; }

    /// <summary>
    /// The sentence names the subject's approval but no word of it says granted, waiting or refused ("Xiaomi's MIIT
    /// approval: what it means"): read as pending, and only when the article states nothing else about an approval.
    /// </summary>
    public bool IsUnstated { get; init; }

    public static int PackKind(int regulator, int kind) => (regulator << 8) | kind;

    /// <summary>
    /// Evidence weight: position (title 3, lead 2, body 1); halved for backstory and for a mere
    /// requirement; half as much again when the sentence names both subject and regulator.
    /// </summary>
    public double Weight =>
        Relevance.RelevanceScorer.ZoneWeight(Zone) * (IsBackground ? 0.5 : 1) * (IsRequirement ? 0.5 : 1) * (IsExplicit ? 1.5 : 1);
}
