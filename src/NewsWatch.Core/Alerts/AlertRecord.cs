namespace NewsWatch.Alerts;

/// <summary>Where an alert is in its life; see <see cref="AlertStateMachine"/> for the moves between them.</summary>
public enum AlertDeliveryState
{
    /// <summary>Waiting to be sent (first time, or again after a failure once <see cref="AlertRecord.NextAttemptAt"/> has come).</summary>
    Pending,

    /// <summary>An instance holds the send lease until <see cref="AlertRecord.LeaseUntil"/>.</summary>
    Sending,

    /// <summary>The mail server (or pickup folder) accepted it.</summary>
    Sent,

    /// <summary>Gave up after <see cref="AlertOptions.MaxAttempts"/>; only a deliberate resend sends it.</summary>
    Failed,
}

/// <summary>Normal for granted/denied approvals; low for the optional "pending" notices.</summary>
public enum AlertPriority
{
    Normal,
    Low,
}

/// <summary>One article that reported the event.</summary>
public sealed record AlertSource(
    string ArticleKey,
    Uri Url,
    string? Title,
    string? Outlet,
    DateTimeOffset? Published,
    DateTimeOffset SeenAt);

/// <summary>
/// One row of the alert outbox: one approval event in one status, the articles that reported it, and its
/// delivery state. <see cref="Version"/> is the storage's concurrency token (the Table ETag); every change is
/// written only if the row still has the version it was read at.
/// </summary>
public sealed record AlertRecord
{
    /// <summary>Short stable id (hex) derived from <see cref="AlertKey"/>: row key, Message-ID and file name.</summary>
    public required string Id { get; init; }

    /// <summary>"{EventKey}|{Status}": a pending notice and the later grant of the same event are two alerts.</summary>
    public required string AlertKey { get; init; }

    public required string EventKey { get; init; }

    public required string Subject { get; init; }

    public required string Regulator { get; init; }

    public required string Kind { get; init; }

    public required string Status { get; init; }

    /// <summary>The evidence sentence of the first article that reported the event.</summary>
    public required string Evidence { get; init; }

    /// <summary>What happened, in words; null on alerts recorded before headlines existed.</summary>
    public string? Headline { get; init; }

    /// <summary>The model the approval is for, when it is per model.</summary>
    public string? Model { get; init; }

    /// <summary>Announcement batch, when stated.</summary>
    public string? Batch { get; init; }

    /// <summary>How sure the first report's assessment was, 0–1; null on older alerts.</summary>
    public double? Confidence { get; init; }

    public AlertPriority Priority { get; init; }

    public required DateTimeOffset FirstSeenAt { get; init; }

    public required IReadOnlyList<AlertSource> Sources { get; init; }

    /// <summary>Reports beyond <see cref="AlertOptions.MaxSources"/>, counted but not kept.</summary>
    public int SourcesOmitted { get; init; }

    public AlertDeliveryState State { get; init; }

    /// <summary>Send attempts since it last became due (a resend starts again at 0).</summary>
    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    public string? LastError { get; init; }

    public string? LeaseId { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>What the transport reported on success (SMTP status, or the file written).</summary>
    public string? DeliveryReply { get; init; }

    /// <summary>Successful deliveries, counting deliberate resends.</summary>
    public int Deliveries { get; init; }

    /// <summary>Deliberate resends asked for; part of the Message-ID so a resend is not dropped as a duplicate.</summary>
    public int Resends { get; init; }

    /// <summary>Storage concurrency token; null for a record not yet stored.</summary>
    public string? Version { get; init; }
}
