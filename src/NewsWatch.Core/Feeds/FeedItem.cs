namespace NewsWatch.Feeds;

/// <summary>An entry read from a feed: the promise of an article, not the article itself.</summary>
/// <param name="FeedId">The feed it came from.</param>
/// <param name="ItemId">The feed's own id for the entry (RSS guid, Atom id), or the link when the feed gives none.</param>
/// <param name="Link">Where the article page lives.</param>
public sealed record FeedItem(
    string FeedId,
    string ItemId,
    Uri Link,
    string? Title,
    DateTimeOffset? Published,
    string? Summary);
