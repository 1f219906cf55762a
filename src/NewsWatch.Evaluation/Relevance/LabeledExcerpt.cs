using System.Text.Json;

using NewsWatch.Assessment;

namespace NewsWatch.Evaluation.Relevance;

/// <summary>One labeled record of a relevance corpus (layout of corpus/relevance/dev.jsonl).</summary>
/// <param name="Approval">"granted", "pending" or "none".</param>
/// <param name="Regulator">"NDRC", "MIIT", "other" or null.</param>
/// <param name="Story">Story label: records with the same one report one news event; null when unlabeled.</param>
public sealed record LabeledExcerpt(string Id, string Text, bool Relevant, string Approval, string? Regulator, string? Language)
{
    public string? Story { get; init; }

    public Uri? Url { get; init; }
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
                    Story = OptionalString(r, "story"),
                    Url = Uri.TryCreate(OptionalString(r, "url"), UriKind.Absolute, out var url) ? url : null,
                });
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"line {lineNumber}: {ex.Message}", ex);
            }
        }

        return records;
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
