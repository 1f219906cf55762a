using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsWatch.Fetching;

/// <summary>
/// Downloads feeds and pages with the limits a long-running crawler needs: a byte cap enforced while
/// streaming, a timeout per request, conditional GET, and an error that says whether a retry can help.
/// <c>file://</c> addresses are read from disk so that offline samples and fixtures need no server.
/// </summary>
public sealed partial class WebFetcher(HttpClient http, IOptions<FetchOptions> options, ILogger<WebFetcher> logger)
{
    private readonly FetchOptions _options = options.Value;

    public async Task<FetchedDocument> GetAsync(
        Uri url, long maxBytes, string accept, string? ifNoneMatch = null, DateTimeOffset? ifModifiedSince = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.IsFile)
        {
            return await ReadFileAsync(url, maxBytes, cancellationToken);
        }

        if (url.Scheme is not ("http" or "https"))
        {
            throw new FetchException(url, $"scheme '{url.Scheme}' is not supported (http, https, file only)", isTransient: false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        request.Headers.Accept.ParseAdd(accept);
        if (ifNoneMatch is not null && EntityTagHeaderValue.TryParse(ifNoneMatch, out var etag))
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        request.Headers.IfModifiedSince = ifModifiedSince;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var finalUrl = response.RequestMessage?.RequestUri ?? url;
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FetchedDocument(url, finalUrl, response.StatusCode, null, null, [], ifNoneMatch, ifModifiedSince);
            }

            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                var transient = code is 408 or 425 or 429 || code >= 500;
                throw new FetchException(url, $"HTTP {code} {response.ReasonPhrase}", transient, response.StatusCode);
            }

            var declared = response.Content.Headers.ContentLength;
            if (declared > maxBytes)
            {
                throw new FetchException(url, $"document is {declared:N0} bytes, over the {maxBytes:N0}-byte limit", isTransient: false);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var body = await ReadCappedAsync(url, stream, maxBytes, timeout.Token);
            var type = response.Content.Headers.ContentType;
            LogFetched(url, (int)response.StatusCode, body.Length);
            return new FetchedDocument(
                url, finalUrl, response.StatusCode, type?.MediaType, type?.CharSet?.Trim('"'), body,
                response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(url, $"no answer within {_options.Timeout.TotalSeconds:0} s", isTransient: true);
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException(url, $"request failed: {ex.Message}", isTransient: true, ex.StatusCode, ex);
        }
    }

    private static async Task<FetchedDocument> ReadFileAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        var path = url.LocalPath;
        if (!File.Exists(path))
        {
            throw new FetchException(url, "file not found", isTransient: false, HttpStatusCode.NotFound);
        }

        await using var stream = File.OpenRead(path);
        var body = await ReadCappedAsync(url, stream, maxBytes, cancellationToken);
        var mediaType = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".HTML" or ".HTM" => "text/html",
            ".XML" or ".RSS" => "application/rss+xml",
            ".ATOM" => "application/atom+xml",
            ".TXT" => "text/plain",
            _ => null,
        };
        return new FetchedDocument(url, url, HttpStatusCode.OK, mediaType, null, body, null, File.GetLastWriteTimeUtc(path));
    }

    private static async Task<byte[]> ReadCappedAsync(Uri url, Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FetchException(url, $"document exceeds the {maxBytes:N0}-byte limit", isTransient: false);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetched {Url}: HTTP {Status}, {Bytes} bytes")]
    private partial void LogFetched(Uri url, int status, int bytes);
}
