namespace NewsWatch.Alerts;

/// <summary>
/// One article's report of one approval event, as found by the assessment stage. <see cref="EventKey"/> is the
/// same for every article that reports the same approval (e.g. "v2|xiaomi-ev|ndrc|investment-approval|company"), which is
/// what lets the outbox send one email however many outlets carry the story.
/// </summary>
/// <param name="Subject">The watched subject's display name, e.g. "Xiaomi EV".</param>
/// <param name="Status">"granted", "pending" or "denied".</param>
/// <param name="Evidence">The sentence of the article that states the approval.</param>
/// <param name="SeenAt">When NewsWatch processed the article.</param>
public sealed record ApprovalNotice(
    string EventKey,
    string Subject,
    string Regulator,
    string Kind,
    string Status,
    string Evidence,
    string ArticleKey,
    Uri ArticleUrl,
    string? ArticleTitle,
    string? Outlet,
    DateTimeOffset? Published,
    DateTimeOffset SeenAt)
{
    /// <summary>What happened, in words ("Xiaomi YU7 listed in MIIT vehicle catalogue (approval for sale)"); the subject line.</summary>
    public string? Headline { get; init; }

    /// <summary>The model the approval is for, when it is per model.</summary>
    public string? Model { get; init; }

    /// <summary>Announcement batch, when the report states it.</summary>
    public string? Batch { get; init; }

    /// <summary>How sure the assessment is of the status, 0–1.</summary>
    public double? Confidence { get; init; }

    /// <summary>
    /// The unversioned key the same event had before event keys were versioned: an alert recorded under it
    /// is this event's alert, so a later report adds to it instead of sending a second email.
    /// </summary>
    public string? LegacyEventKey { get; init; }
}
