using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using NewsWatch.Stories;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>
/// Story rows of the <c>stories</c> table. Partition: the story's window bucket ("20230806"); row key: the story id,
/// or <see cref="HeadRowKey"/> for the bucket's head row, whose ETag serialises the creation of stories in the
/// bucket. The summary's columns are plain properties (readable in Storage Explorer); the matching features are one
/// JSON property and the signatures one binary property, so a candidate is one row, not a row per feature.
/// </summary>
internal static class StoryRows
{
    /// <summary>Sorts after every "story-…" key, so listing a partition yields stories first.</summary>
    public const string HeadRowKey = "~head";

    public static string Partition(DateOnly bucket) => bucket.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(StoryState story, DateOnly bucket)
    {
        var s = story.Summary;
        return new TableEntity(Partition(bucket), story.Id)
        {
            ["Title"] = s.Title,
            ["FirstSeen"] = s.FirstSeen,
            ["LastSeen"] = s.LastSeen,
            ["Anchor"] = story.Anchor,
            ["ArticleCount"] = s.ArticleCount,
            ["Detail"] = JsonSerializer.Serialize(
                new StoryRowDetail(s.Outlets, s.Languages, s.Sources, s.EventKeys, story.Entities, story.Quantities, story.TitleWords, story.Partners, story.LeadWords),
                StoryRowJson.Default.StoryRowDetail),
            ["Signatures"] = Pack(story.Signatures),
        };
    }

    public static StoryState FromEntity(TableEntity row)
    {
        var detail = JsonSerializer.Deserialize(row.GetString("Detail") ?? "{}", StoryRowJson.Default.StoryRowDetail)
            ?? throw new JsonException($"story row {row.RowKey} has no detail");
        var summary = new StorySummary(
            row.RowKey,
            row.GetString("Title"),
            row.GetDateTimeOffset("FirstSeen") ?? default,
            row.GetDateTimeOffset("LastSeen") ?? default,
            detail.Outlets,
            detail.Languages,
            detail.Sources,
            detail.EventKeys,
            row.GetInt32("ArticleCount") ?? detail.Sources.Count);
        return new StoryState(
            summary, row.GetDateTimeOffset("Anchor") ?? summary.FirstSeen, detail.Entities, detail.Quantities, detail.TitleWords,
            Unpack(row.GetBinary("Signatures")))
        {
            Partners = detail.Partners ?? [],
            LeadWords = detail.LeadWords ?? [],
        };
    }

    private static byte[] Pack(IReadOnlyList<ulong[]> signatures)
    {
        // Length-prefixed: signatures of one story may differ in length after a change of HashCount.
        var bytes = new List<byte>();
        Span<byte> word = stackalloc byte[8];
        foreach (var signature in signatures)
        {
            BinaryPrimitives.WriteInt32LittleEndian(word, signature.Length);
            bytes.AddRange(word[..4]);
            foreach (var m in signature)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(word, m);
                bytes.AddRange(word);
            }
        }

        return [.. bytes];
    }

    private static List<ulong[]> Unpack(byte[]? bytes)
    {
        var signatures = new List<ulong[]>();
        var span = bytes.AsSpan();
        while (span.Length >= 4)
        {
            var count = BinaryPrimitives.ReadInt32LittleEndian(span);
            span = span[4..];
            if (count < 0 || span.Length < count * 8)
            {
                break;
            }

            var signature = new ulong[count];
            for (var i = 0; i < count; i++)
            {
                signature[i] = BinaryPrimitives.ReadUInt64LittleEndian(span[(i * 8)..]);
            }

            signatures.Add(signature);
            span = span[(count * 8)..];
        }

        return signatures;
    }
}

internal sealed record StoryRowDetail(
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Languages,
    IReadOnlyList<StorySource> Sources,
    IReadOnlyList<string> EventKeys,
    IReadOnlyList<string> Entities,
    IReadOnlyList<string> Quantities,
    IReadOnlyList<string> TitleWords,
    IReadOnlyList<string>? Partners,
    IReadOnlyList<string>? LeadWords);

[JsonSerializable(typeof(StoryRowDetail))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class StoryRowJson : JsonSerializerContext;
