using System.Security.Cryptography;
using System.Text;

namespace NewsWatch.Alerts;

/// <summary>
/// Identities derived from the event key. They must be stable across instances, restarts and retries: the
/// outbox row, the Message-ID and the pickup file name are all computed, never stored-then-looked-up, so two
/// workers that see the same approval independently arrive at the same row.
/// </summary>
public static class AlertKeys
{
    public static string AlertKey(string eventKey, string status) => eventKey + "|" + ApprovalStatuses.Normalize(status);

    /// <summary>
    /// 32 hex digits of SHA-256 over the alert key. Event keys may hold characters a Table row key forbids
    /// ('/', '#', '?'), and a fixed-width id is also a safe Message-ID part and file name.
    /// </summary>
    public static string Id(string alertKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(alertKey))[..16]);

    /// <summary>
    /// The idempotency key receivers see: every retry of the same delivery carries the same Message-ID, so a
    /// copy sent twice after a crash can be recognised (and is collapsed by many mail systems). A deliberate
    /// resend gets a new one, or it could be dropped as a duplicate of the message it repeats.
    /// </summary>
    public static string MessageId(AlertRecord record, string domain)
    {
        ArgumentNullException.ThrowIfNull(record);
        var generation = record.Resends == 0 ? string.Empty : FormattableString.Invariant($".r{record.Resends}");
        return $"<newswatch.alert.{record.Id}{generation}@{domain}>";
    }
}
