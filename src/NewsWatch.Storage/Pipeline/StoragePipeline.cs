using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsWatch.Storage.Pipeline;

/// <summary>
/// One client's Azure.Core pipeline plus the send-and-check step every operation shares: build a message for a
/// resource, send it, and turn an unexpected status into a <see cref="RequestFailedException"/>.
/// </summary>
internal sealed class StoragePipeline
{
    private readonly HttpPipeline _pipeline;

    public StoragePipeline(StorageClientOptions options, StorageAuthentication authentication, SharedKeyScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pipelineOptions = new HttpPipelineOptions(options)
        {
            RequestFailedDetailsParser = new StorageErrorDetailsParser(),
        };

        // Per try, in this order: date/version first, then the signature that covers them.
        pipelineOptions.PerRetryPolicies.Add(new StorageRequestHeadersPolicy(options.ServiceVersion, options.TimeProvider));
        if (authentication.CreatePolicy(scheme) is { } auth)
        {
            pipelineOptions.PerRetryPolicies.Add(auth);
        }

        _pipeline = HttpPipelineBuilder.Build(pipelineOptions);
    }

    public HttpMessage CreateMessage(RequestMethod method, Uri resource, ResponseClassifier classifier)
    {
        var message = _pipeline.CreateMessage();
        message.ResponseClassifier = classifier;
        message.Request.Method = method;
        message.Request.Uri.Reset(resource);
        return message;
    }

    /// <summary>
    /// Sends and returns the response when the classifier calls it a success. Otherwise throws
    /// <see cref="RequestFailedException"/>: with the service's status, code and request id, or with status 0 when
    /// no try got an answer (unreachable, per-try timeout).
    /// </summary>
    public async ValueTask<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (AggregateException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Azure.Core's retry policy reports "every try threw" as a bare AggregateException.
            throw Unreachable(message, ex.InnerExceptions.Count, ex.InnerExceptions[^1], ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's token: the per-try network timeout fired on the only try.
            throw Unreachable(message, 1, ex, ex);
        }

        var response = message.Response;
        if (response.IsError)
        {
            ScrubContent(response);
            throw new RequestFailedException(response);
        }

        return response;
    }

    /// <summary>
    /// Azure.Core copies a textual error body into the exception message; an authentication error from Azure
    /// quotes the request's signature, so the body is scrubbed first.
    /// </summary>
    private static void ScrubContent(Response response)
    {
        var content = response.Content;
        if (content.ToMemory().IsEmpty)
        {
            return;
        }

        var text = content.ToString();
        var scrubbed = SecretScrubber.Scrub(text);
        if (!string.Equals(text, scrubbed, StringComparison.Ordinal))
        {
            response.ContentStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(scrubbed), writable: false);
        }
    }

    private static RequestFailedException Unreachable(HttpMessage message, int attempts, Exception last, Exception inner)
    {
        // Scheme, host and path only: the query may hold a SAS signature.
        var uri = message.Request.Uri.ToUri();
        var target = uri.GetLeftPart(UriPartial.Path);
        var reason = last is OperationCanceledException
            ? "no answer within the per-try timeout (ClientOptions.Retry.NetworkTimeout)"
            : SecretScrubber.Scrub(last.Message);
        return new RequestFailedException(
            0,
            $"{message.Request.Method} {target} got no response after {attempts} attempt(s): {reason}",
            null,
            inner);
    }
}
