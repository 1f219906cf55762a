namespace NewsWatch.Assessment;

/// <summary>An extracted article, as the assessment sees it.</summary>
/// <param name="Title">Headline, when known; weighs most.</param>
/// <param name="Text">Body text, paragraphs separated by line breaks.</param>
/// <param name="Url">Where it came from, for the record.</param>
/// <param name="Published">Publication time: a grant the article dates well before it is backstory, not news.</param>
/// <param name="Language">BCP 47 tag when known; the assessment also works without it.</param>
public sealed record AssessmentInput(string? Title, string Text, Uri? Url, DateTimeOffset? Published, string? Language);

/// <summary>One piece of evidence behind a decision.</summary>
/// <param name="Signal">Machine-readable name of the signal ("subject-topic", "status-cue", ...).</param>
/// <param name="Detail">What was found, in words.</param>
/// <param name="Sentence">The sentence it came from, when it came from one.</param>
public sealed record AssessmentReason(string Signal, string Detail, string? Sentence);

/// <summary>Whether the article is about the watched business.</summary>
public sealed record RelevanceResult(bool IsRelevant, double Score, IReadOnlyList<AssessmentReason> Reasons);

/// <summary>State of an approval as an article reports it.</summary>
public enum ApprovalStatus
{
    Granted,
    Pending,
    Denied,
}

/// <summary>
/// A regulatory approval for the watched subject as one article reports it.
/// </summary>
/// <param name="Key">
/// Stable identity "v2|subject|regulator|kind|target[|batch-N]" (target: a model for per-model kinds, else
/// "company"): later articles about the same approval share it, another model's listing does not.
/// </param>
/// <param name="Subject">The watch subject's key.</param>
/// <param name="Regulator">Regulator code ("NDRC", "MIIT"), or <see cref="UnspecifiedRegulator"/>.</param>
/// <param name="Kind">Kind of approval ("investment-approval", "production-qualification", "catalogue-listing").</param>
/// <param name="Status">What the article, weighing all its statements, says about it.</param>
/// <param name="Evidence">The sentence that best states that status.</param>
/// <param name="Reasons">Each statement counted, and how conflicts were settled.</param>
public sealed record ApprovalEvent(
    string Key,
    string Subject,
    string Regulator,
    string Kind,
    ApprovalStatus Status,
    string Evidence,
    IReadOnlyList<AssessmentReason> Reasons)
{
    /// <summary>Regulator of an approval the article does not attribute to any named regulator.</summary>
    public const string UnspecifiedRegulator = "unspecified";

    /// <summary>The model the approval is for (per-model kinds such as a catalogue listing), else null.</summary>
    public string? Model { get; init; }

    /// <summary>Announcement batch the article states ("377"), else null.</summary>
    public string? Batch { get; init; }

    /// <summary>What happened, in words, for an alert's subject line ("Xiaomi YU7 listed in MIIT vehicle catalogue …").</summary>
    public string Headline { get; init; } = "";

    /// <summary>How sure the assessment is of <see cref="Status"/>, 0–1: share of the evidence that agrees, times its weight.</summary>
    public double Confidence { get; init; }

    /// <summary>
    /// The key this event had before keys were versioned ("subject|regulator|kind"), when that key meant only this
    /// event; null for per-model kinds, whose old key lumped every model together.
    /// </summary>
    public string? LegacyKey { get; init; }
}

/// <summary>What the assessment concluded about one article.</summary>
/// <param name="Relevance">Whether it is about the watched business, and why.</param>
/// <param name="Events">Approvals for the subject it reports, the primary one first.</param>
public sealed record ArticleAssessment(RelevanceResult Relevance, IReadOnlyList<ApprovalEvent> Events)
{
    /// <summary>The approval the article is news about: a granted one if any, else a refused one, else a pending one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ApprovalEvent? PrimaryEvent => Events.Count > 0 ? Events[0] : null;

    /// <summary>The article's approval status (granted/pending/denied), or null when it reports no approval.</summary>
    public ApprovalStatus? ApprovalStatusForArticle => PrimaryEvent?.Status;

    /// <summary>
    /// Approval statements found but not counted (another company's, a recall, backstory), so that
    /// "no approval" is explained as well as a grant is.
    /// </summary>
    public IReadOnlyList<AssessmentReason> ApprovalNotes { get; init; } = [];
}
