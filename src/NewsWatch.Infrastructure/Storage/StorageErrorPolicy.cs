using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsWatch.Infrastructure.Storage;

/// <summary>
/// Turns the two Storage failures an operator must act on into errors that say which account and what to check:
/// rejected credentials (401/403) and an endpoint that did not answer after the SDK's retries. The status and
/// error code are kept, so callers that branch on them behave as before; the messages name the account and
/// endpoint, never a key or signature.
/// </summary>
internal sealed class StorageErrorPolicy : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (AggregateException ex)
        {
            throw Unreachable(message, ex);
        }

        ThrowIfRejected(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (AggregateException ex)
        {
            throw Unreachable(message, ex);
        }

        ThrowIfRejected(message);
    }

    /// <summary>"devstoreaccount1" from Azurite's path-style URIs, "myaccount" from myaccount.table.core.windows.net.</summary>
    internal static string AccountOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback)
        {
            return uri.Segments.Length > 1 ? uri.Segments[1].TrimEnd('/') : uri.Host;
        }

        var dot = uri.Host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? uri.Host[..dot] : uri.Host;
    }

    private static string Endpoint(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    private static void ThrowIfRejected(HttpMessage message)
    {
        if (message.Response.Status is not (401 or 403))
        {
            return;
        }

        var uri = message.Request.Uri.ToUri();
        var code = message.Response.Headers.TryGetValue("x-ms-error-code", out var c) ? c : null;
        throw new RequestFailedException(
            message.Response.Status,
            $"Storage account '{AccountOf(uri)}' at {Endpoint(uri)} refused the request ({message.Response.Status} {code ?? message.Response.ReasonPhrase}): " +
            $"check the account key or SAS in '{StorageConnection.Setting}', or the identity's role assignments.",
            code,
            null);
    }

    private static RequestFailedException Unreachable(HttpMessage message, AggregateException ex)
    {
        var uri = message.Request.Uri.ToUri();
        var last = ex.InnerExceptions.Count > 0 ? ex.InnerExceptions[^1].Message : ex.Message;
        return new RequestFailedException(
            0,
            $"Storage account '{AccountOf(uri)}' at {Endpoint(uri)} did not answer after {ex.InnerExceptions.Count} tries ({last}); " +
            $"is it running and is '{StorageConnection.Setting}' right?",
            null,
            ex);
    }
}
