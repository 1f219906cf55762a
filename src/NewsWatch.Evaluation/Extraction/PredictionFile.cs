using System.Text.Encodings.Web;
using System.Text.Json;

using NewsWatch.Extraction;

namespace NewsWatch.Evaluation.Extraction;

/// <summary>Writes predictions in the benchmark's output format: {"&lt;id&gt;": {"articleBody": "…"}}.</summary>
public static class PredictionFile
{
    public static void Write(Stream output, EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = true,

            // Gold files keep non-ASCII text readable; so do ours, for diffing by eye.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        writer.WriteStartObject();
        foreach (var page in report.Pages)
        {
            writer.WriteStartObject(page.Page.Id);
            writer.WriteString("articleBody", page.Predicted);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
