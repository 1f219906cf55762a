using System.Globalization;

namespace NewsWatch.Stories;

/// <summary>Story ids: "story-" + 16 hex digits of the stable hash of the first member's article key.</summary>
public static class StoryIds
{
    public static string ForFirstArticle(string articleKey)
    {
        ArgumentNullException.ThrowIfNull(articleKey);
        return string.Create(CultureInfo.InvariantCulture, $"story-{StableHash.Of(articleKey):x16}");
    }
}
