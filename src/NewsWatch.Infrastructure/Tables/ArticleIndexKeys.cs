using System.Globalization;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>
/// Keys of the article index table. Table Storage returns rows in key order, so both the day and the time are
/// stored inverted: a plain range query over the day partitions yields the newest article first, and the SDK's
/// continuation token pages through it.
/// <list type="bullet">
/// <item><c>a-{inverted day}</c> / <c>{inverted ticks}-{key}</c>: every article, by publication day.</item>
/// <item><c>r-{inverted day}</c> / same row key: relevant articles only.</item>
/// <item><c>counters</c> / <c>articles</c>: stored and failed counts for the status view.</item>
/// </list>
/// </summary>
internal static class ArticleIndexKeys
{
    public const string AllPrefix = "a-";

    public const string RelevantPrefix = "r-";


    public const string CounterPartition = "counters";

    public const string ArticleCounterRow = "articles";

    private const int LastDay = 99_991_231;

    public static string DayPartition(string prefix, DateTimeOffset time) => prefix + InvertedDay(time);

    /// <summary>The first partition of <paramref name="prefix"/> that holds <paramref name="until"/>'s day or earlier ones.</summary>
    public static string NewestPartition(string prefix, DateTimeOffset? until) =>
        until is { } t ? DayPartition(prefix, t) : prefix + "00000000";

    public static string OldestPartition(string prefix, DateTimeOffset? since) =>
        since is { } t ? DayPartition(prefix, t) : prefix + "99999999";

    public static string Row(DateTimeOffset sortTime, string articleKey) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - sortTime.UtcTicks:D19}-{articleKey}");


    private static string InvertedDay(DateTimeOffset time)
    {
        var d = time.UtcDateTime;
        return (LastDay - (d.Year * 10_000 + d.Month * 100 + d.Day)).ToString("D8", CultureInfo.InvariantCulture);
    }
}
