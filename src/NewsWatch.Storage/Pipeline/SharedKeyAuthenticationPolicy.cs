using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsWatch.Storage.Pipeline;

/// <summary>Signs each try with the account key, in the layout the target service expects.</summary>
internal sealed class SharedKeyAuthenticationPolicy(StorageSharedKeyCredential credential, SharedKeyScheme scheme)
    : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue(
            StorageHeaders.Authorization,
            SharedKeySigner.CreateAuthorizationHeader(
                credential, scheme, request.Method.Method, request.Uri.ToUri(), SignedHeaders(request)));
    }

    private static IEnumerable<KeyValuePair<string, string>> SignedHeaders(Request request)
    {
        foreach (var header in request.Headers)
        {
            yield return new(header.Name, header.Value);
        }

        // Azure.Core's transport derives Content-Length from the body rather than from a header, so it has to be
        // added here for the signature to match what goes on the wire.
        if (request.Content is not null && request.Content.TryComputeLength(out var length))
        {
            yield return new("Content-Length", length.ToString(CultureInfo.InvariantCulture));
        }
    }
}
