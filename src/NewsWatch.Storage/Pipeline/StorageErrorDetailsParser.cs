using System.Text.Json;
using System.Xml;
using Azure;
using Azure.Core;

namespace NewsWatch.Storage.Pipeline;

/// <summary>
/// Turns a storage error response into code + message for <see cref="RequestFailedException"/>: XML
/// <c>&lt;Error&gt;</c> (Blob/Queue, and Table auth failures), OData JSON (Table), or just <c>x-ms-error-code</c>.
/// </summary>
internal sealed class StorageErrorDetailsParser : RequestFailedDetailsParser
{
    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue(StorageHeaders.ErrorCode, out var headerCode);
        string? code = null;
        string? message = null;
        try
        {
            var body = response.Content;
            if (body is not null && body.ToMemory().Length > 0)
            {
                var first = FirstNonBlank(body.ToMemory().Span);
                if (first == (byte)'{')
                {
                    (code, message) = ParseJson(body);
                }
                else if (first == (byte)'<')
                {
                    (code, message, var detail) = ParseXml(body);
                    if (detail is not null)
                    {
                        data = new Dictionary<string, string> { ["AuthenticationErrorDetail"] = SecretScrubber.Scrub(detail) };
                    }
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or XmlException or InvalidOperationException)
        {
            // A garbled error body must not hide the status; fall back to the header code.
        }

        if (response.Headers.TryGetValue(StorageHeaders.RequestId, out var requestId))
        {
            (data ??= new Dictionary<string, string>())["RequestId"] = requestId;
        }

        code ??= headerCode;
        if (code is null && message is null)
        {
            error = null;
            return data is not null;
        }

        error = new ResponseError(code, message is null ? null : SecretScrubber.Scrub(message));
        return true;
    }

    private static byte FirstNonBlank(ReadOnlySpan<byte> span)
    {
        foreach (var b in span)
        {
            if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0xEF or 0xBB or 0xBF))
            {
                return b;
            }
        }

        return 0;
    }

    private static (string? Code, string? Message) ParseJson(BinaryData body)
    {
        using var doc = JsonDocument.Parse(body);
        if (!doc.RootElement.TryGetProperty("odata.error", out var odata) && !doc.RootElement.TryGetProperty("error", out odata))
        {
            return (null, null);
        }

        var code = odata.TryGetProperty("code", out var c) ? c.GetString() : null;
        string? message = null;
        if (odata.TryGetProperty("message", out var m))
        {
            message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString()
                : m.ValueKind == JsonValueKind.String ? m.GetString()
                : null;
        }

        return (code, message);
    }

    private static (string? Code, string? Message, string? Detail) ParseXml(BinaryData body)
    {
        string? code = null, message = null, detail = null;
        using var reader = XmlReader.Create(body.ToStream(), StorageXml.ReaderSettings());
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "Code":
                    code = reader.ReadElementContentAsString();
                    break;
                case "Message":
                    message = reader.ReadElementContentAsString();
                    break;
                case "AuthenticationErrorDetail":
                    detail = reader.ReadElementContentAsString();
                    break;
            }
        }

        return (code, message, detail);
    }
}
