namespace NewsWatch.Stories;

/// <summary>
/// Time partitioning of stories. A story lives in the bucket of its anchor (its first article's publication time);
/// buckets are two windows wide, so every story an article at time t may join (anchor within t ± window) lies in
/// exactly two buckets: the article's own and the neighbour on the side of the half it falls in. A store therefore
/// reads two partitions per article, and buckets older than that are never read again.
/// </summary>
public sealed class StoryWindows
{
    private readonly long _bucketTicks;
    private readonly long _windowTicks;

    public StoryWindows(TimeSpan window)
    {
        if (window <= TimeSpan.Zero || window > TimeSpan.FromDays(365))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "a story window is positive and at most a year");
        }

        // Whole days keep bucket starts on midnight UTC, so ids and partition keys read as dates.
        _windowTicks = window.Ticks;
        _bucketTicks = TimeSpan.FromDays(Math.Max(1, Math.Ceiling(window.TotalDays * 2))).Ticks;
    }

    public TimeSpan Window => TimeSpan.FromTicks(_windowTicks);

    public DateOnly BucketOf(DateTimeOffset time) => Start(Index(time));

    /// <summary>The two buckets that hold every story an article published at <paramref name="time"/> may join, older first.</summary>
    public (DateOnly Older, DateOnly Newer) BucketsFor(DateTimeOffset time)
    {
        var index = Index(time);
        var offset = time.UtcTicks - (index * _bucketTicks) - DateTimeOffset.UnixEpoch.UtcTicks;
        return offset < _bucketTicks / 2 ? (Start(index - 1), Start(index)) : (Start(index), Start(index + 1));
    }

    public bool InWindow(DateTimeOffset articleTime, DateTimeOffset anchor) => Math.Abs((articleTime - anchor).Ticks) <= _windowTicks;

    /// <summary>Buckets wholly before this one hold only stories no article at or after <paramref name="now"/> − window can join.</summary>
    public DateOnly OldestLiveBucket(DateTimeOffset now) => BucketsFor(now - Window).Older;

    private long Index(DateTimeOffset time)
    {
        // Integer floor division: doubles lose the low bits of tick counts, and times before 1970 round toward zero.
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var index = ticks / _bucketTicks;
        return ticks % _bucketTicks < 0 ? index - 1 : index;
    }

    private DateOnly Start(long index) => DateOnly.FromDateTime(DateTimeOffset.UnixEpoch.AddTicks(index * _bucketTicks).UtcDateTime);
}
