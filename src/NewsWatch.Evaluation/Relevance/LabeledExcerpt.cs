using System.Text.Json;

using NewsWatch.Assessment;

namespace NewsWatch.Evaluation.Relevance;

/// <summary>One labeled record of a relevance corpus (layout of corpus/relevance/dev.jsonl).</summary>
/// <param name="Approval">"granted", "pending" or "none".</param>
/// <param name="Regulator">"NDRC", "MIIT", "other" or null.</param>
/// <param name="Story">Story label: records with the same one report one news event; null when unlabeled.</param>
public sealed record LabeledExcerpt(string Id, string Text, bool Relevant, string Approval, string? Regulator, string? Language)
{
    /// <summary>The article's publication date (optional "published", ISO 8601): dated backstory is told from it.</summary>
    public DateTimeOffset? Published { get; init; }

    public string? Story { get; init; }

    public Uri? Url { get; init; }

    /// <summary>What the assessor is given for this record: its text, date and language, as the pipeline gives an article's.</summary>
    public AssessmentInput ToAssessmentInput() => new(null, Text, null, Published, Language);
}

/// <summary>Reads labeled excerpts, one JSON object per line.</summary>
public static class LabeledExcerptReader
{
    /// <exception cref="FormatException">A line is not a JSON object with id, text and relevant.</exception>
    public static IReadOnlyList<LabeledExcerpt> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<LabeledExcerpt>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                records.Add(new LabeledExcerpt(
                    r.GetProperty("id").GetString() ?? throw new FormatException("id is null"),
                    r.GetProperty("text").GetString() ?? "",
                    r.GetProperty("relevant").GetBoolean(),
                    OptionalString(r, "approval") ?? "none",
                    OptionalString(r, "regulator"),
                    OptionalString(r, "lang"))
                {
                    Published = OptionalString(r, "published") is { } published
                        ? DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal)
                        : null,
                    Story = OptionalString(r, "story"),
                    Url = Uri.TryCreate(OptionalString(r, "url"), UriKind.Absolute, out var url) ? url : null,
                });
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"line {lineNumber}: {ex.Message}", ex);
            }
        }

        return records;
    }

    /// <summary>
    /// One half of a corpus by position: <c>first</c> is records 1…⌈n/2⌉, <c>second</c> the rest, anything else
    /// all of it. Rules are written from one half and measured on the other.
    /// </summary>
    public static IReadOnlyList<LabeledExcerpt> Split(IReadOnlyList<LabeledExcerpt> records, string? half)
    {
        ArgumentNullException.ThrowIfNull(records);
        var firstCount = (records.Count + 1) / 2;
        return half switch
        {
            "first" => [.. records.Take(firstCount)],
            "second" => [.. records.Skip(firstCount)],
            _ => records,
        };
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
