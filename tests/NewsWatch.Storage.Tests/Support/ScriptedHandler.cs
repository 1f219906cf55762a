using System.Net;
using Azure.Core.Pipeline;

namespace NewsWatch.Storage.Tests.Support;

/// <summary>An HTTP handler that answers from a script and records what was sent (headers as strings).</summary>
internal sealed class ScriptedHandler(Func<int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly List<SentRequest> _sent = [];

    public ScriptedHandler(Func<int, HttpRequestMessage, HttpResponseMessage> respond)
        : this((n, _) => Task.FromResult(respond(n, null!)))
    {
    }

    public IReadOnlyList<SentRequest> Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.ToList();
            }
        }
    }

    public HttpPipelineTransport Transport() => new HttpClientTransport(new HttpClient(this));

    public static HttpResponseMessage Reply(HttpStatusCode status, string? body = null, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body ?? string.Empty) };
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.Remove(name);
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        int attempt;
        lock (_sent)
        {
            _sent.Add(new SentRequest(request.Method.Method, request.RequestUri!, headers, body));
            attempt = _sent.Count;
        }

        return await respond(attempt, cancellationToken);
    }
}

internal sealed record SentRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body);
