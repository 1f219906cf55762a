using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;

namespace NewsWatch.Storage.Tables;

/// <summary>One operation's result inside a <c>$batch</c> response, exposed as an Azure.Core <see cref="Response"/>.</summary>
internal sealed class TransactionPartResponse(int status, string reasonPhrase) : Response
{
    private readonly List<HttpHeader> _headers = [];

    public override int Status { get; } = status;

    public override string ReasonPhrase { get; } = reasonPhrase;

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; } = string.Empty;

    internal void AddHeader(string name, string value) => _headers.Add(new HttpHeader(name, value));

    internal void SetContent(string content) => ContentStream = new MemoryStream(Encoding.UTF8.GetBytes(content), writable: false);

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) =>
        _headers.Exists(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers;

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        var found = _headers.FindAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        value = found.Count == 0 ? null : string.Join(",", found.Select(h => h.Value));
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = _headers.FindAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        values = found.Count == 0 ? null : found.Select(h => h.Value).ToList();
        return values is not null;
    }
}
