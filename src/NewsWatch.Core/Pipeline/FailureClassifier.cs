using System.Text;
using NewsWatch.Extraction;
using NewsWatch.Fetching;

namespace NewsWatch.Pipeline;

/// <summary>
/// Decides, for any exception while turning a message into an article, whether another attempt can help. Permanent
/// failures are stored on the article row with their reason and the message is done; everything else (storage, a
/// site that is down) is thrown, so the host retries and finally moves the message to the poison queue.
/// </summary>
public static class FailureClassifier
{
    /// <summary>The reason to store, or null when the failure is transient.</summary>
    public static string? PermanentReason(Exception exception) => exception switch
    {
        FetchException { IsTransient: false } fetch => fetch.Message,
        FetchException => null,
        ExtractionException extraction => extraction.Message,
        UriFormatException or FormatException => $"malformed input: {exception.Message}",
        DecoderFallbackException => $"the page's text cannot be decoded: {exception.Message}",
        InvalidDataException => $"the document is corrupt: {exception.Message}",
        InsufficientExecutionStackException => "the page is nested too deeply to be read",
        _ => null,
    };
}
