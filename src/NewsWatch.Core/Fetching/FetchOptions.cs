namespace NewsWatch.Fetching;

/// <summary>How we behave as an HTTP client towards news sites (section "NewsWatch:Fetch").</summary>
public sealed class FetchOptions
{
    public const string Section = "NewsWatch:Fetch";

    /// <summary>Sites block anonymous clients; identify ourselves honestly with a contact-able product name.</summary>
    public string UserAgent { get; set; } = "NewsWatch/1.0 (+https://github.com/newswatch; news monitoring)";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Cap on a downloaded article page; larger answers are refused, never buffered whole.</summary>
    public long MaxArticleBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Cap on a downloaded feed document.</summary>
    public long MaxFeedBytes { get; set; } = 8 * 1024 * 1024;
}
