using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Fetching;

/// <summary>How we behave as an HTTP client towards news sites (section "NewsWatch:Fetch").</summary>
public sealed class FetchOptions
{
    public const string Section = "NewsWatch:Fetch";

    /// <summary>Sites block anonymous clients; identify ourselves honestly with a contact-able product name.</summary>
    [Required]
    public string UserAgent { get; set; } = "NewsWatch/1.0 (+https://github.com/newswatch; news monitoring)";

    /// <summary>
    /// The whole download of one document, body included: a server that drips bytes slower than this is cut off.
    /// Retries of the headers (resilience section) happen inside it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Cap on a downloaded article page, counted after decompression; larger answers are refused, never buffered whole.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxArticleBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Cap on a downloaded feed document, counted after decompression.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxFeedBytes { get; set; } = 8 * 1024 * 1024;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 8;

    /// <summary>Politeness towards one site, and a bound on what one slow site can hold of ours.</summary>
    [Range(1, 64)]
    public int MaxConnectionsPerHost { get; set; } = 4;

    /// <summary>
    /// Off in Azure: a feed must not make the app connect to loopback, private, link-local (cloud metadata), shared,
    /// multicast or reserved addresses. On only where every feed is trusted, such as the offline sample on loopback.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
