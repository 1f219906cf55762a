using System.Text;

namespace NewsWatch.Storage;

/// <summary>Which Shared Key string-to-sign layout a service expects; Table differs from Blob/Queue.</summary>
public enum SharedKeyScheme
{
    /// <summary>Blob and Queue "SharedKey": eleven standard headers, all x-ms-* headers, all query parameters.</summary>
    BlobQueue,

    /// <summary>Table "SharedKey": verb, Content-MD5, Content-Type, date and the resource (only ?comp is signed).</summary>
    Table,

    /// <summary>Table "SharedKeyLite": date and the resource.</summary>
    TableLite,
}

/// <summary>
/// Builds Shared Key strings-to-sign and Authorization values from the parts of a request. Transport-neutral so
/// the Azure.Core policy and a bare <c>HttpClient</c> caller sign in exactly the same way.
/// </summary>
public static class SharedKeySigner
{
    // Order matters: this is the order the Blob/Queue string-to-sign lists them.
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    private const int ContentLengthIndex = 2;
    private const int ContentMd5Index = 3;
    private const int ContentTypeIndex = 4;
    private const int DateIndex = 5;

    /// <summary>The full <c>Authorization</c> header value, e.g. <c>SharedKey account:signature</c>.</summary>
    public static string CreateAuthorizationHeader(
        StorageSharedKeyCredential credential,
        SharedKeyScheme scheme,
        string method,
        Uri uri,
        IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var stringToSign = BuildStringToSign(scheme, credential.AccountName, method, uri, headers);
        var prefix = scheme == SharedKeyScheme.TableLite ? "SharedKeyLite " : "SharedKey ";
        return prefix + credential.AccountName + ":" + credential.ComputeHmacSha256(stringToSign);
    }

    /// <param name="headers">Every header that will be sent, content headers included; repeated values comma-joined.</param>
    public static string BuildStringToSign(
        SharedKeyScheme scheme,
        string accountName,
        string method,
        Uri uri,
        IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(headers);

        var standard = new string?[StandardHeaders.Length];
        List<KeyValuePair<string, string>>? msHeaders = null;
        string? msDate = null;
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            {
                (msHeaders ??= new(8)).Add(new(LowerAscii(name), value.Trim()));
                if (name.Equals("x-ms-date", StringComparison.OrdinalIgnoreCase))
                {
                    msDate = value;
                }

                continue;
            }

            var index = StandardHeaderIndex(name);
            if (index >= 0)
            {
                standard[index] = value;
            }
        }

        var sb = new StringBuilder(256);
        switch (scheme)
        {
            case SharedKeyScheme.BlobQueue:
                sb.Append(method.ToUpperInvariant()).Append('\n');
                for (var i = 0; i < standard.Length; i++)
                {
                    // Since version 2015-02-21 a zero length is signed as an empty string.
                    var value = i == ContentLengthIndex && standard[i] == "0" ? null : standard[i];
                    sb.Append(value).Append('\n');
                }

                if (msHeaders is not null)
                {
                    msHeaders.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                    foreach (var (name, value) in msHeaders)
                    {
                        sb.Append(name).Append(':').Append(value).Append('\n');
                    }
                }

                AppendResource(sb, accountName, uri);
                AppendAllQueryParameters(sb, uri);
                break;

            case SharedKeyScheme.Table:
                sb.Append(method.ToUpperInvariant()).Append('\n')
                  .Append(standard[ContentMd5Index]).Append('\n')
                  .Append(standard[ContentTypeIndex]).Append('\n')
                  .Append(standard[DateIndex] ?? msDate).Append('\n');
                AppendResource(sb, accountName, uri);
                AppendCompOnly(sb, uri);
                break;

            case SharedKeyScheme.TableLite:
                sb.Append(standard[DateIndex] ?? msDate).Append('\n');
                AppendResource(sb, accountName, uri);
                AppendCompOnly(sb, uri);
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(scheme));
        }

        return sb.ToString();
    }

    // The path is signed exactly as sent (still percent-encoded); with path-style emulator URLs this yields the
    // account name twice, which is what the service expects.
    private static void AppendResource(StringBuilder sb, string accountName, Uri uri) =>
        sb.Append('/').Append(accountName).Append(uri.AbsolutePath);

    private static void AppendCompOnly(StringBuilder sb, Uri uri)
    {
        foreach (var (name, value) in ParseQuery(uri.Query))
        {
            if (name.Equals("comp", StringComparison.OrdinalIgnoreCase))
            {
                sb.Append("?comp=").Append(value);
                return;
            }
        }
    }

    private static void AppendAllQueryParameters(StringBuilder sb, Uri uri)
    {
        if (uri.Query.Length <= 1)
        {
            return;
        }

        // Sorted by (name, value), a repeated name's values end up adjacent and in order: join them with ','.
        var parameters = new List<(string Name, string Value)>(4);
        foreach (var (name, value) in ParseQuery(uri.Query))
        {
            parameters.Add((LowerAscii(name), value));
        }

        parameters.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        for (var i = 0; i < parameters.Count; i++)
        {
            var (name, value) = parameters[i];
            if (i > 0 && parameters[i - 1].Name == name)
            {
                sb.Append(',').Append(value);
            }
            else
            {
                sb.Append('\n').Append(name).Append(':').Append(value);
            }
        }
    }

    private static int StandardHeaderIndex(string name)
    {
        for (var i = 0; i < StandardHeaders.Length; i++)
        {
            if (StandardHeaders[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Header and parameter names are ASCII and usually already lowercase: skip the copy then.</summary>
    private static string LowerAscii(string name) =>
        name.AsSpan().ContainsAnyInRange('A', 'Z') ? name.ToLowerInvariant() : name;

    private static IEnumerable<(string Name, string Value)> ParseQuery(string query)
    {
        var start = query.StartsWith('?') ? 1 : 0;
        while (start < query.Length)
        {
            var end = query.IndexOf('&', start);
            if (end < 0)
            {
                end = query.Length;
            }

            if (end > start)
            {
                var eq = query.IndexOf('=', start, end - start);
                yield return eq < 0
                    ? (Uri.UnescapeDataString(query[start..end]), string.Empty)
                    : (Uri.UnescapeDataString(query[start..eq]), Uri.UnescapeDataString(query[(eq + 1)..end]));
            }

            start = end + 1;
        }
    }
}
