namespace NewsWatch.Alerts;

/// <summary>
/// Storage of alert records with optimistic concurrency. Every write is conditional: an add fails if the row
/// exists, a replace fails if the row changed since it was read (<see cref="AlertRecord.Version"/>). That is
/// the only coordination between instances: no locks, no singletons.
/// </summary>
public interface IAlertOutbox
{
    /// <summary>Adds a new record; null if one with the same id exists (someone else claimed the event first).</summary>
    /// <returns>The stored version.</returns>
    Task<string?> TryAddAsync(AlertRecord record, CancellationToken cancellationToken = default);

    Task<AlertRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the record if it still has <see cref="AlertRecord.Version"/>; null if it changed or is gone.</summary>
    /// <returns>The new version.</returns>
    Task<string?> TryReplaceAsync(AlertRecord record, CancellationToken cancellationToken = default);

    /// <summary>All records, or only those not yet sent (pending, sending, failed).</summary>
    IAsyncEnumerable<AlertRecord> ListAsync(bool unsentOnly, CancellationToken cancellationToken = default);
}

/// <summary>Read-modify-write on <see cref="IAlertOutbox"/>, repeated while other writers get in between.</summary>
public static class AlertOutboxUpdates
{
    /// <summary>Concurrent writers to one alert are a few workers at most; this many conflicts in a row means a bug.</summary>
    public const int MaxConflicts = 25;

    /// <summary>
    /// Applies <paramref name="change"/> to the current record and writes it if nobody wrote in between;
    /// otherwise re-reads and applies it again to the newer record. <paramref name="change"/> returns null when
    /// the change no longer applies (already done, lease lost…), which ends the loop without writing.
    /// </summary>
    /// <param name="known">The record as last read, tried first to save a read; its version may be stale.</param>
    /// <returns>The stored record, or null if the record is gone or the change did not apply.</returns>
    public static async Task<AlertRecord?> UpdateAsync(
        this IAlertOutbox outbox, AlertRecord known, Func<AlertRecord, AlertRecord?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(change);
        AlertRecord? current = known;
        for (var conflicts = 0; conflicts < MaxConflicts; conflicts++)
        {
            if (current is null)
            {
                return null;
            }

            var next = change(current);
            if (next is null)
            {
                return null;
            }

            var version = await outbox.TryReplaceAsync(next with { Version = current.Version }, cancellationToken);
            if (version is not null)
            {
                return next with { Version = version };
            }

            current = await outbox.GetAsync(known.Id, cancellationToken);
        }

        throw new AlertConcurrencyException($"alert {known.Id} kept changing under {MaxConflicts} attempts to update it");
    }

    public static async Task<AlertRecord?> UpdateAsync(
        this IAlertOutbox outbox, string id, Func<AlertRecord, AlertRecord?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var current = await outbox.GetAsync(id, cancellationToken);
        return current is null ? null : await outbox.UpdateAsync(current, change, cancellationToken);
    }
}

/// <summary>An update lost to other writers too many times in a row; the caller's retry (queue or timer) tries again later.</summary>
public sealed class AlertConcurrencyException(string message) : Exception(message);
