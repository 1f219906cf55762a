using System.Globalization;

namespace NewsWatch.Stories;

/// <summary>
/// Story ids: "story-" + the story's window start (yyyyMMdd) + "-" + 16 hex digits of the stable hash of the first
/// member's article key. The window start in the id lets a store find the story's row with a point read.
/// </summary>
public static class StoryIds
{
    private const string Prefix = "story-";

    /// <summary>The id format before stories had windows; kept because it is pinned for stored ids.</summary>
    public static string ForFirstArticle(string articleKey)
    {
        ArgumentNullException.ThrowIfNull(articleKey);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{StableHash.Of(articleKey):x16}");
    }

    public static string ForFirstArticle(string articleKey, DateOnly windowStart)
    {
        ArgumentNullException.ThrowIfNull(articleKey);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{windowStart:yyyyMMdd}-{StableHash.Of(articleKey):x16}");
    }

    /// <summary>The window start an id names; false for ids of another format (they are not findable by id).</summary>
    public static bool TryGetWindowStart(string storyId, out DateOnly windowStart)
    {
        windowStart = default;
        return storyId is { Length: 31 } && storyId.StartsWith(Prefix, StringComparison.Ordinal) && storyId[14] == '-'
            && DateOnly.TryParseExact(storyId.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out windowStart);
    }
}
