using System.Net;

namespace NewsWatch.Storage.Pipeline;

/// <summary>Building resource URLs under an endpoint, and reading names back out of them.</summary>
internal static class StorageUris
{
    /// <summary><paramref name="endpoint"/> + "/" + escaped <paramref name="segment"/>, keeping any endpoint path.</summary>
    public static Uri Append(Uri endpoint, string segment)
    {
        var builder = new UriBuilder(endpoint) { Query = string.Empty, Fragment = string.Empty };
        builder.Path = builder.Path.TrimEnd('/') + "/" + Uri.EscapeDataString(segment);
        return builder.Uri;
    }

    public static string LastSegment(Uri uri) =>
        Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/')[^1]);

    /// <summary>
    /// The account a URL belongs to: the first path segment for path-style URLs (emulator, IP hosts), otherwise
    /// the first label of the host name.
    /// </summary>
    public static string AccountName(Uri uri)
    {
        if (IsPathStyle(uri))
        {
            var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return segments.Length > 0 ? segments[0] : string.Empty;
        }

        return uri.Host.Split('.')[0];
    }

    private static bool IsPathStyle(Uri uri) =>
        uri.IsLoopback || IPAddress.TryParse(uri.Host, out _) || !uri.Host.Contains('.', StringComparison.Ordinal);
}
