using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Alerts;

/// <summary>
/// What alerts and to whom: section "NewsWatch:Alerts". Transport settings (SMTP server, pickup folder, table
/// name) live in the same section but are read by the infrastructure that uses them.
/// </summary>
public sealed class AlertOptions
{
    public const string Section = "NewsWatch:Alerts";

    /// <summary>Used when no statuses are configured: only granted approvals are worth an email by default.</summary>
    public static readonly IReadOnlyList<string> DefaultStatuses = [ApprovalStatuses.Granted];

    /// <summary>
    /// Notice statuses that raise an alert ("granted", "pending", "denied"). Null or empty means
    /// <see cref="DefaultStatuses"/>; a default is not pre-filled because the configuration binder appends to
    /// lists instead of replacing them.
    /// </summary>
    public IList<string>? Statuses { get; set; }

    /// <summary>
    /// Who gets the emails. Required when an SMTP server is configured; without one, the local pickup folder's
    /// emails are addressed to <see cref="LocalRecipient"/> so an offline run still produces a complete message.
    /// </summary>
    public IList<string> Recipients { get; set; } = [];

    public const string LocalRecipient = "newswatch-alerts@localhost";

    /// <summary>Sender address, optionally with a display name ("NewsWatch &lt;alerts@example.com&gt;").</summary>
    [Required]
    public string From { get; set; } = "NewsWatch <newswatch@localhost>";

    /// <summary>Stop retrying after this many failed attempts (state "failed", resend by hand). Null: never give up.</summary>
    [Range(1, 1000)]
    public int? MaxAttempts { get; set; }

    /// <summary>Wait after the first failed attempt; doubles per further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a sender may hold an alert in "sending" before another instance may take it over. Must exceed the
    /// SMTP timeout, or a slow but successful send would be repeated by a second instance.
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sources kept per alert (each is an article link); later ones are only counted.</summary>
    [Range(1, 500)]
    public int MaxSources { get; set; } = 100;

    public IReadOnlySet<string> EffectiveStatuses =>
        (Statuses is { Count: > 0 } configured ? (IEnumerable<string>)configured : DefaultStatuses)
            .Select(ApprovalStatuses.Normalize)
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>The status words of <see cref="ApprovalNotice.Status"/>.</summary>
public static class ApprovalStatuses
{
    public const string Granted = "granted";
    public const string Pending = "pending";
    public const string Denied = "denied";

    public static string Normalize(string status) => (status ?? string.Empty).Trim().ToLowerInvariant();
}
