using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsWatch.Fetching;

/// <summary>
/// Downloads feeds and pages, which strangers write: http and https only, redirects followed here hop by hop (so every
/// hop's scheme is checked and loops are named), a byte cap on the decompressed body enforced while streaming, one
/// deadline for the whole document, conditional GET, and an error that says whether a retry can help. Retries with
/// backoff, the per-host circuit breaker and the private-network guard sit in the HttpClient's handlers.
/// </summary>
public sealed partial class WebFetcher(HttpClient http, IOptions<FetchOptions> options, ILogger<WebFetcher> logger)
{
    private readonly FetchOptions _options = options.Value;

    public async Task<FetchedDocument> GetAsync(
        Uri url, long maxBytes, string accept, string? ifNoneMatch = null, DateTimeOffset? ifModifiedSince = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        RequireWebScheme(url, url, "address");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        var visited = new HashSet<Uri> { url };
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = CreateRequest(current, accept, ifNoneMatch, ifModifiedSince);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (RedirectTarget(url, current, response) is { } next)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        throw new FetchException(url, $"more than {_options.MaxRedirects} redirects (last to {next})", isTransient: false);
                    }

                    if (!visited.Add(next))
                    {
                        throw new FetchException(url, $"redirect loop: {current} leads back to {next}", isTransient: false);
                    }

                    current = next;
                    continue;
                }

                return await ReadAsync(url, current, response, maxBytes, ifNoneMatch, ifModifiedSince, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(url, $"no complete answer within {_options.Timeout.TotalSeconds:0} s", isTransient: true);
        }
        catch (HttpRequestException ex) when (Find<BlockedAddressException>(ex) is { } blocked)
        {
            throw new FetchException(url, blocked.Message, isTransient: false, inner: blocked);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.InvalidResponse)
        {
            throw new FetchException(url, $"the server's answer is not valid HTTP: {ex.Message}", isTransient: false, inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException(url, $"request failed: {ex.Message}", isTransient: true, ex.StatusCode, ex);
        }
        catch (InvalidDataException ex)
        {
            throw new FetchException(url, $"the compressed body is corrupt: {ex.Message}", isTransient: false, inner: ex);
        }
        catch (Exception ex) when (ex is not FetchException && !cancellationToken.IsCancellationRequested)
        {
            // The resilience handlers reject with their own exception types (timeout, open circuit): the site may
            // answer later, so the message is tried again.
            throw new FetchException(url, $"request failed: {ex.Message}", isTransient: true, inner: ex);
        }
    }

    private HttpRequestMessage CreateRequest(Uri url, string accept, string? ifNoneMatch, DateTimeOffset? ifModifiedSince)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        request.Headers.Accept.ParseAdd(accept);
        if (ifNoneMatch is not null && EntityTagHeaderValue.TryParse(ifNoneMatch, out var etag))
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        request.Headers.IfModifiedSince = ifModifiedSince;
        return request;
    }

    private static Uri? RedirectTarget(Uri original, Uri current, HttpResponseMessage response)
    {
        if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308))
        {
            return null;
        }

        var location = response.Headers.Location
            ?? throw new FetchException(original, $"HTTP {(int)response.StatusCode} redirect from {current} without a Location", isTransient: false);
        if (!Uri.TryCreate(current, location, out var next))
        {
            throw new FetchException(original, $"redirect from {current} to an invalid address '{location}'", isTransient: false);
        }

        RequireWebScheme(original, next, "redirect target");
        return next;
    }

    private static void RequireWebScheme(Uri original, Uri url, string what)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            var scheme = url.IsAbsoluteUri ? url.Scheme + ":" : "a relative address";
            throw new FetchException(original, $"{what} uses {scheme}; only http and https are fetched", isTransient: false);
        }
    }

    private async Task<FetchedDocument> ReadAsync(
        Uri url, Uri finalUrl, HttpResponseMessage response, long maxBytes, string? ifNoneMatch, DateTimeOffset? ifModifiedSince,
        CancellationToken cancellationToken)
    {
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

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var body = await ReadCappedAsync(url, stream, maxBytes, cancellationToken);
        var type = response.Content.Headers.ContentType;
        LogFetched(url, (int)response.StatusCode, body.Length);
        return new FetchedDocument(
            url, finalUrl, response.StatusCode, type?.MediaType, type?.CharSet?.Trim('"'), body,
            response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
    }

    /// <summary>The stream is the decompressed one, so a gzip or brotli bomb stops at the cap, not at the wire size.</summary>
    private static async Task<byte[]> ReadCappedAsync(Uri url, Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FetchException(url, $"document exceeds the {maxBytes:N0}-byte limit (after decompression)", isTransient: false);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static T? Find<T>(Exception ex)
        where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetched {Url}: HTTP {Status}, {Bytes} bytes")]
    private partial void LogFetched(Uri url, int status, int bytes);
}
