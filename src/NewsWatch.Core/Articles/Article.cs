namespace NewsWatch.Articles;

/// <summary>
/// A fetched web page, exactly as the server sent it: bytes are kept undecoded so that the
/// extraction stage can apply the full charset-detection order (header, BOM, meta).
/// </summary>
/// <param name="RequestedUrl">The address taken from the feed item.</param>
/// <param name="Url">The address after redirects; relative links resolve against it.</param>
/// <param name="MediaType">Media type from Content-Type without parameters, or null when absent.</param>
/// <param name="Charset">The charset parameter of Content-Type, or null.</param>
/// <param name="Body">Decompressed response body.</param>
/// <param name="FetchedAt">When the response was received.</param>
public sealed record Article(
    Uri RequestedUrl,
    Uri Url,
    string? MediaType,
    string? Charset,
    byte[] Body,
    DateTimeOffset FetchedAt);
