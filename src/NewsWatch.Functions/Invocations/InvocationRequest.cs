using System.Text.Json;

namespace NewsWatch.Functions.Invocations;

/// <summary>
/// The body the Functions host POSTs for every invocation: <c>{"Data": {...}, "Metadata": {...}}</c>.
/// Trigger values other than objects arrive JSON-encoded a second time (<c>"\"text\""</c>), and the
/// docs show them single-encoded, so every string read here accepts both.
/// </summary>
internal sealed class InvocationRequest
{
    private readonly JsonElement _data;
    private readonly JsonElement _metadata;

    private InvocationRequest(JsonElement data, JsonElement metadata)
    {
        _data = data;
        _metadata = metadata;
    }

    public static async Task<InvocationRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new BadInvocationException($"invocation body is not JSON: {ex.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BadInvocationException("invocation body is not a JSON object");
            }

            return new InvocationRequest(Property(root, "Data").Clone(), Property(root, "Metadata").Clone());
        }
    }

    /// <summary>The trigger value named <paramref name="binding"/> as text, with the host's extra JSON layer removed.</summary>
    public string RequireString(string binding)
    {
        var value = Property(_data, binding);
        return value.ValueKind switch
        {
            JsonValueKind.String => Unwrap(value.GetString()!),
            JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
            _ => throw new BadInvocationException($"invocation has no '{binding}' value in Data"),
        };
    }

    public JsonElement Data(string binding) => Property(_data, binding);

    public string? MetadataString(string name)
    {
        var value = Property(_metadata, name);
        return value.ValueKind switch
        {
            JsonValueKind.String => Unwrap(value.GetString()!),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static string Unwrap(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize(text, FunctionsJson.Default.String) ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }

    private static JsonElement Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return default;
    }
}

/// <summary>The host sent something that is not an invocation we understand; answered 400.</summary>
internal sealed class BadInvocationException(string message) : Exception(message);
