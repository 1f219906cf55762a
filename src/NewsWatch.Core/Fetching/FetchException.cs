using System.Net;

namespace NewsWatch.Fetching;

/// <summary>
/// A download that did not give us a usable document. <see cref="IsTransient"/> tells the pipeline
/// whether trying again later can help (timeouts, 5xx, 429) or whether the answer is final (404, wrong type).
/// </summary>
public sealed class FetchException : Exception
{
    public FetchException(Uri url, string reason, bool isTransient, HttpStatusCode? status = null, Exception? inner = null)
        : base($"{url}: {reason}", inner)
    {
        Url = url;
        Reason = reason;
        IsTransient = isTransient;
        StatusCode = status;
    }

    public Uri Url { get; }

    public string Reason { get; }

    public bool IsTransient { get; }

    public HttpStatusCode? StatusCode { get; }
}
