using System.Security.Cryptography;
using System.Text;

namespace NewsWatch.Articles;

/// <summary>
/// Derives the storage key of an article from its canonical address, so that the same page reached
/// through tracking links, mixed-case hosts or fragments is stored once.
/// </summary>
public static class ArticleKeys
{
    private static readonly string[] TrackingPrefixes = ["utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ncid"];

    public static Uri Normalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{url}' is not an absolute address", nameof(url));
        }

        var builder = new UriBuilder(url)
        {
            Fragment = string.Empty,
            Host = url.Host.ToLowerInvariant(),
            Scheme = url.Scheme == Uri.UriSchemeHttp ? Uri.UriSchemeHttps : url.Scheme,
            Port = url.IsDefaultPort ? -1 : url.Port,
        };
        var kept = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !TrackingPrefixes.Any(t => p.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        builder.Query = string.Join('&', kept);
        var path = builder.Path;
        if (path.Length > 1 && path.EndsWith('/'))
        {
            builder.Path = path.TrimEnd('/');
        }

        return builder.Uri;
    }

    /// <summary>32 hex characters: safe as a Table row key and short enough to print.</summary>
    public static string For(Uri url)
    {
        var normalized = Normalize(url).AbsoluteUri;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
