using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsWatch.Cli.Sample;

/// <summary>One block of a sample page: a role ("body", "caption", "teasers"…) and the seed lines that fill it.</summary>
[JsonConverter(typeof(SampleBlockConverter))]
internal sealed record SampleBlock(string Role, int FirstLine, int LastLine);

internal sealed record SamplePage(
    string Seed, string Slug, string Site, string Domain, string? Title, DateTimeOffset Published, string? Author,
    IReadOnlyList<SampleBlock> Blocks);

internal sealed record SampleManifest(IReadOnlyList<SamplePage> Pages)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static SampleManifest Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SampleManifest>(stream, Json)
            ?? throw new InvalidDataException($"sample manifest {path} is empty");
    }
}

/// <summary>Blocks are written compactly as <c>["role", first, last]</c> in the manifest.</summary>
internal sealed class SampleBlockConverter : JsonConverter<SampleBlock>
{
    public override SampleBlock Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var a = doc.RootElement;
        if (a.ValueKind != JsonValueKind.Array || a.GetArrayLength() != 3)
        {
            throw new JsonException("a sample block is [\"role\", firstLine, lastLine]");
        }

        return new SampleBlock(a[0].GetString()!, a[1].GetInt32(), a[2].GetInt32());
    }

    public override void Write(Utf8JsonWriter writer, SampleBlock value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Role);
        writer.WriteNumberValue(value.FirstLine);
        writer.WriteNumberValue(value.LastLine);
        writer.WriteEndArray();
    }
}
