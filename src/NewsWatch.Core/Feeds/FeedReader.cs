using Microsoft.Extensions.Options;
using NewsWatch.Fetching;

namespace NewsWatch.Feeds;

/// <summary>The result of reading one feed: either its items, or the word that nothing changed.</summary>
public sealed record FeedReadResult(IReadOnlyList<FeedItem> Items, bool NotModified, string? ETag, DateTimeOffset? LastModified);

/// <summary>Downloads a feed (conditionally, when we know its ETag or date) and parses it.</summary>
public sealed class FeedReader(WebFetcher fetcher, FeedParser parser, IOptions<FetchOptions> options)
{
    private const string Accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

    public async Task<FeedReadResult> ReadAsync(FeedDefinition feed, FeedState? previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var url = feed.Url ?? throw new ArgumentException($"feed '{feed.Id}' has no Url", nameof(feed));
        var doc = await fetcher.GetAsync(
            url, options.Value.MaxFeedBytes, Accept, previous?.ETag, previous?.LastModified, cancellationToken);
        if (doc.NotModified)
        {
            return new FeedReadResult([], NotModified: true, previous?.ETag, previous?.LastModified);
        }

        using var body = new MemoryStream(doc.Body, writable: false);
        var items = parser.Parse(feed.Id, doc.Url, body);
        return new FeedReadResult(items, NotModified: false, doc.ETag, doc.LastModified);
    }
}
