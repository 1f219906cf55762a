using System.Globalization;
using Azure;

namespace NewsWatch.Storage.Pipeline;

/// <summary>The RFC 1123 dates and ETag header values the services exchange.</summary>
internal static class StorageDates
{
    public static DateTimeOffset ParseRfc1123(string value) =>
        DateTimeOffset.ParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string FormatRfc1123(DateTimeOffset value) =>
        value.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An ETag as an If-Match/If-None-Match value: echoed verbatim when it already has its quotes.</summary>
    public static string FormatETag(ETag etag)
    {
        var raw = etag.ToString();
        return etag == ETag.All || raw.StartsWith('"') || raw.StartsWith("W/", StringComparison.Ordinal) ? raw : "\"" + raw + "\"";
    }
}
