namespace NewsWatch.Alerts;

/// <summary>
/// The outbox's state machine as pure functions: each move takes the record as currently stored and returns
/// the record to write, or null when the move does not apply to it (any more). Callers write the result with a
/// version check (<see cref="AlertOutboxUpdates"/>), so a move decided on stale data is re-decided, never
/// applied blindly.
/// <code>
///   (new) ─► pending ─claim─► sending ─sent─► sent ─resend─► pending
///              ▲                 │  └─lease expired (holder crashed)─► claimable again
///              └──── failure ────┘  (backoff; "failed" once MaxAttempts is reached)
/// </code>
/// </summary>
public static class AlertStateMachine
{
    /// <summary>Table Storage string properties hold 32K characters; evidence and errors are kept well below.</summary>
    internal const int MaxTextLength = 4000;

    public static AlertRecord Create(ApprovalNotice notice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var status = ApprovalStatuses.Normalize(notice.Status);
        var alertKey = AlertKeys.AlertKey(notice.EventKey, status);
        return new AlertRecord
        {
            Id = AlertKeys.Id(alertKey),
            AlertKey = alertKey,
            EventKey = notice.EventKey,
            Subject = notice.Subject,
            Regulator = notice.Regulator,
            Kind = notice.Kind,
            Status = status,
            Evidence = Truncate(notice.Evidence),
            Headline = notice.Headline,
            Model = notice.Model,
            Batch = notice.Batch,
            Confidence = notice.Confidence,
            Priority = status == ApprovalStatuses.Pending ? AlertPriority.Low : AlertPriority.Normal,
            FirstSeenAt = notice.SeenAt,
            Sources = [SourceOf(notice)],
            State = AlertDeliveryState.Pending,
            NextAttemptAt = now,
        };
    }

    /// <summary>Adds the article as a source unless it is already one (a redelivered message, a re-run).</summary>
    public static AlertRecord? AddSource(AlertRecord record, ApprovalNotice notice, int maxSources)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(notice);
        if (record.Sources.Any(s => string.Equals(s.ArticleKey, notice.ArticleKey, StringComparison.Ordinal)))
        {
            return null;
        }

        // Past the cap only the count grows; re-reporting a counted article is then not detectable, which only
        // inflates a number nobody acts on.
        return record.Sources.Count >= maxSources
            ? record with { SourcesOmitted = record.SourcesOmitted + 1 }
            : record with { Sources = [.. record.Sources, SourceOf(notice)] };
    }

    /// <summary>Pending and its retry time has come, or "sending" by a holder whose lease ran out (it crashed).</summary>
    public static bool IsDue(AlertRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.State switch
        {
            AlertDeliveryState.Pending => record.NextAttemptAt <= now,
            AlertDeliveryState.Sending => record.LeaseUntil is not { } until || until <= now,
            _ => false,
        };
    }

    /// <summary>Takes the send lease. Taking over an expired lease may repeat a send that succeeded: at-least-once.</summary>
    public static AlertRecord? Claim(AlertRecord record, string leaseId, DateTimeOffset now, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(record);
        return IsDue(record, now)
            ? record with
            {
                State = AlertDeliveryState.Sending,
                LeaseId = leaseId,
                LeaseUntil = now + lease,
                Attempts = record.Attempts + 1,
                LastAttemptAt = now,
            }
            : null;
    }

    /// <summary>
    /// Records the delivery. Applies even if the lease was taken over meanwhile: the message did go out, and
    /// saying so stops the other holder's retries. Only an already-sent record is left alone.
    /// </summary>
    public static AlertRecord? MarkSent(AlertRecord record, DateTimeOffset now, string reply)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.State == AlertDeliveryState.Sent
            ? null
            : record with
            {
                State = AlertDeliveryState.Sent,
                SentAt = now,
                DeliveryReply = Truncate(reply),
                Deliveries = record.Deliveries + 1,
                LastError = null,
                LeaseId = null,
                LeaseUntil = null,
            };
    }

    /// <summary>Back to pending with a later retry time, or to failed when attempts are used up. Only by the lease holder.</summary>
    public static AlertRecord? MarkFailed(AlertRecord record, string leaseId, DateTimeOffset now, string error, RetryBackoff backoff)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(backoff);
        if (record.State != AlertDeliveryState.Sending || !string.Equals(record.LeaseId, leaseId, StringComparison.Ordinal))
        {
            return null;
        }

        return record with
        {
            State = backoff.IsExhausted(record.Attempts) ? AlertDeliveryState.Failed : AlertDeliveryState.Pending,
            NextAttemptAt = now + backoff.DelayAfter(record.Attempts),
            LastError = Truncate(error),
            LeaseId = null,
            LeaseUntil = null,
        };
    }

    /// <summary>
    /// A deliberate resend: due now, attempts from zero. A record that was delivered gets a new Message-ID
    /// generation; one never delivered keeps its own (nothing to tell apart). Refused while someone holds a
    /// live lease, as that send is under way.
    /// </summary>
    public static AlertRecord? RequestResend(AlertRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.State == AlertDeliveryState.Sending && !IsDue(record, now))
        {
            return null;
        }

        return record with
        {
            State = AlertDeliveryState.Pending,
            NextAttemptAt = now,
            Attempts = 0,
            Resends = record.State == AlertDeliveryState.Sent ? record.Resends + 1 : record.Resends,
            LeaseId = null,
            LeaseUntil = null,
        };
    }

    private static AlertSource SourceOf(ApprovalNotice n) =>
        new(n.ArticleKey, n.ArticleUrl, n.ArticleTitle, n.Outlet, n.Published, n.SeenAt);

    private static string Truncate(string? text) =>
        text is null ? string.Empty : text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}
