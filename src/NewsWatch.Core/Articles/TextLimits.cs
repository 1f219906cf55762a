namespace NewsWatch.Articles;

/// <summary>
/// Bounds on the short fields strangers write (titles, ids, summaries). A queue message holds 64 KB and a table
/// property 32K characters, so a 1 MB title must be clipped where it enters, not fail a storage call later.
/// </summary>
public static class TextLimits
{
    public const int MaxTitleChars = 500;

    public const int MaxSummaryChars = 4_000;

    public const int MaxItemIdChars = 1_000;

    /// <summary>Longer links are no real article address; browsers and CDNs stop near this length too.</summary>
    public const int MaxUrlChars = 4_096;

    public static string? Clip(string? text, int maxChars) =>
        text is null || text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars - 1), "…");
}
