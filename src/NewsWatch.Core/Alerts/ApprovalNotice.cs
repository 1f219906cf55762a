namespace NewsWatch.Alerts;

/// <summary>
/// One article's report of one approval event, as found by the assessment stage. <see cref="EventKey"/> is the
/// same for every article that reports the same approval (e.g. "xiaomi-ev|NDRC|production-approval"), which is
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
    DateTimeOffset SeenAt);
