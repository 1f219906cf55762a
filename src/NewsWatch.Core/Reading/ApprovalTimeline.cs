using NewsWatch.Alerts;

namespace NewsWatch.Reading;

/// <summary>Where the alert email for one approval stands; errors and transport replies stay out (they name servers and folders).</summary>
public sealed record AlertDelivery(AlertDeliveryState State, int Attempts, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt);

/// <summary>One approval event in one status, as the alert outbox recorded it.</summary>
public sealed record ApprovalEntry(
    string AlertId,
    string EventKey,
    string Status,
    string Regulator,
    string Subject,
    string Kind,
    DateTimeOffset FirstSeen,
    string Evidence,
    IReadOnlyList<AlertSource> Sources,
    int SourcesOmitted,
    AlertDelivery Delivery);

/// <summary>
/// The approvals timeline, newest first. The alert outbox is the record of approvals: one row per event and status,
/// claimed exactly once, with every article that reported it and the delivery state, all in one partition.
/// </summary>
public sealed class ApprovalTimeline(IAlertOutbox outbox)
{
    public async Task<IReadOnlyList<ApprovalEntry>> ListAsync(string? status, CancellationToken cancellationToken = default)
    {
        var entries = new List<ApprovalEntry>();
        await foreach (var r in outbox.ListAsync(unsentOnly: false, cancellationToken))
        {
            if (status is null || string.Equals(r.Status, status, StringComparison.OrdinalIgnoreCase))
            {
                entries.Add(From(r));
            }
        }

        return [.. entries.OrderByDescending(e => e.FirstSeen).ThenBy(e => e.EventKey, StringComparer.Ordinal)];
    }

    private static ApprovalEntry From(AlertRecord r) => new(
        r.Id, r.EventKey, r.Status, r.Regulator, r.Subject, r.Kind, r.FirstSeenAt, r.Evidence, r.Sources, r.SourcesOmitted,
        new AlertDelivery(r.State, r.Attempts, r.SentAt, r.State is AlertDeliveryState.Pending ? r.NextAttemptAt : null));
}
