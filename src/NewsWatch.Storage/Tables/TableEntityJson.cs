using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;

namespace NewsWatch.Storage.Tables;

/// <summary>
/// The OData JSON of entities. Writes annotate every type JSON cannot carry on its own (Int64, Double, DateTime,
/// Guid, Binary); reads use the annotations of <c>odata=minimalmetadata</c>, so values come back with the type
/// they were written with.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Serialize(IEnumerable<KeyValuePair<string, object?>> entity)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> entity)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in entity)
        {
            // The service owns Timestamp; null means "no such property".
            if (value is null || name == TableEntity.TimestampName)
            {
                continue;
            }

            WriteProperty(writer, name, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads one entity object; <paramref name="etag"/> is the fallback when the body has none.</summary>
    public static TableEntity Read(JsonElement element, ETag etag = default)
    {
        var entity = new TableEntity();
        Dictionary<string, string>? types = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                (types ??= new(StringComparer.Ordinal))[property.Name[..^TypeSuffix.Length]] = property.Value.GetString()!;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name == "odata.etag")
            {
                etag = new ETag(property.Value.GetString() ?? string.Empty);
                continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var type = types is not null && types.TryGetValue(name, out var t) ? t
                : name == TableEntity.TimestampName ? "Edm.DateTime"
                : null;
            entity[name] = ReadValue(property.Value, type);
        }

        entity.ETag = etag;
        return entity;
    }

    /// <summary>The entities of a query page (<c>{"value":[...]}</c>).</summary>
    public static List<TableEntity> ReadPage(BinaryData content)
    {
        using var doc = JsonDocument.Parse(content);
        var result = new List<TableEntity>();
        if (doc.RootElement.TryGetProperty("value", out var value))
        {
            foreach (var item in value.EnumerateArray())
            {
                result.Add(Read(item));
            }
        }

        return result;
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case long l:
                Annotate(writer, name, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                // Annotated even when finite: 5.0 is written as 5 and would otherwise come back as an Int32.
                Annotate(writer, name, "Edm.Double");
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                break;
            case DateTimeOffset dto:
                Annotate(writer, name, "Edm.DateTime");
                writer.WriteString(name, TableValues.FormatDateTime(dto));
                break;
            case DateTime dt:
                Annotate(writer, name, "Edm.DateTime");
                writer.WriteString(name, TableValues.FormatDateTime(TableValues.ToDateTimeOffset(dt)));
                break;
            case Guid g:
                Annotate(writer, name, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                Annotate(writer, name, "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                break;
            case BinaryData data:
                Annotate(writer, name, "Edm.Binary");
                writer.WriteBase64String(name, data.ToMemory().Span);
                break;
            default:
                throw new ArgumentException(
                    $"Property '{name}' has type {value.GetType().Name}, which the Table service cannot store.", nameof(value));
        }
    }

    private static void Annotate(Utf8JsonWriter writer, string name, string edmType) =>
        writer.WriteString(name + TypeSuffix, edmType);

    private static object? ReadValue(JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return edmType switch
        {
            "Edm.Int64" => value.ValueKind == JsonValueKind.String
                ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture)
                : value.GetInt64(),
            "Edm.Int32" => value.GetInt32(),
            "Edm.Double" => value.ValueKind == JsonValueKind.String
                ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                : value.GetDouble(),
            "Edm.DateTime" => TableValues.ParseDateTime(value.GetString()!),
            "Edm.Guid" => Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture),
            "Edm.Binary" => value.GetBytesFromBase64(),
            "Edm.Boolean" => value.GetBoolean(),
            _ => ReadUntyped(value),
        };
    }

    private static object? ReadUntyped(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt32(out var i) => i,
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        _ => value.GetRawText(),
    };
}
