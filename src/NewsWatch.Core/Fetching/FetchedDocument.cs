using System.Net;

namespace NewsWatch.Fetching;

/// <summary>A downloaded document, or the news that it has not changed since we last saw it.</summary>
public sealed record FetchedDocument(
    Uri RequestedUrl,
    Uri Url,
    HttpStatusCode Status,
    string? MediaType,
    string? Charset,
    byte[] Body,
    string? ETag,
    DateTimeOffset? LastModified)
{
    public bool NotModified => Status == HttpStatusCode.NotModified;
}
