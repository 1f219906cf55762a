using NewsWatch.Feeds;

namespace NewsWatch.Reading;

public enum FeedHealthState
{
    /// <summary>Never polled yet.</summary>
    Unknown,

    /// <summary>The last poll succeeded (or the feed was unchanged).</summary>
    Healthy,

    /// <summary>The last poll failed; the next one is due as usual.</summary>
    Failing,

    /// <summary>Failed repeatedly; not polled before <see cref="FeedHealthEntry.NextAttemptAt"/>.</summary>
    BackingOff,
}

/// <param name="Url">The feed's address without user info or query: those may carry access tokens.</param>
public sealed record FeedHealthEntry(
    string FeedId,
    string Url,
    FeedHealthState Health,
    string? LastOutcome,
    DateTimeOffset? LastPolledAt,
    DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    long ItemsQueued);

/// <summary>Feed health from the feeds table (one partition, one row per feed).</summary>
public sealed class FeedHealth(IFeedStateStore feeds, TimeProvider time)
{
    public async Task<IReadOnlyList<FeedHealthEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var list = new List<FeedHealthEntry>();
        await foreach (var f in feeds.ListAsync(cancellationToken))
        {
            list.Add(new FeedHealthEntry(
                f.FeedId, PublicUrl(f.Url), HealthOf(f, now), f.LastOutcome, f.LastPolledAt, f.LastSuccessAt, f.ConsecutiveFailures,
                f.NextAttemptAt, f.LastError, f.ItemsQueued));
        }

        return [.. list.OrderBy(f => f.FeedId, StringComparer.Ordinal)];
    }

    private static FeedHealthState HealthOf(FeedState f, DateTimeOffset now) => f switch
    {
        { LastPolledAt: null } => FeedHealthState.Unknown,
        { ConsecutiveFailures: 0 } => FeedHealthState.Healthy,
        { NextAttemptAt: { } next } when next > now => FeedHealthState.BackingOff,
        _ => FeedHealthState.Failing,
    };

    public static string PublicUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) : "";
    }
}
