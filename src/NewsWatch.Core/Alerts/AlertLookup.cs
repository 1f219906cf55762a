namespace NewsWatch.Alerts;

/// <summary>Finds an alert by whatever a person types: its id (or a unique prefix), its alert key, or its event key.</summary>
public static class AlertLookup
{
    private const int MinIdPrefix = 6;

    public static async Task<IReadOnlyList<AlertRecord>> FindAsync(this IAlertOutbox outbox, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        key = key.Trim();
        if (await outbox.GetAsync(key, cancellationToken) is { } byId)
        {
            return [byId];
        }

        if (await outbox.GetAsync(AlertKeys.Id(key), cancellationToken) is { } byAlertKey)
        {
            return [byAlertKey];
        }

        var matches = new List<AlertRecord>();
        await foreach (var r in outbox.ListAsync(unsentOnly: false, cancellationToken))
        {
            if (string.Equals(r.EventKey, key, StringComparison.Ordinal)
                || (key.Length >= MinIdPrefix && r.Id.StartsWith(key, StringComparison.OrdinalIgnoreCase)))
            {
                matches.Add(r);
            }
        }

        return matches;
    }
}
