using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsWatch.Extraction;
using NewsWatch.Fetching;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch extract</c>: runs the extraction stage on one page (a file, .gz allowed, or a URL) and prints the result.</summary>
internal sealed class ExtractCommand(CliContext context) : ICliCommand
{
    /// <summary>Reading a stored file is allowed to inflate further than the extractor accepts, so that the extractor's own size error is what the user sees.</summary>
    private const int MaxFileBytes = 256 * 1024 * 1024;

    public string Name => "extract";

    public string Usage => "extract <file|url> [--json]   article text and metadata of one page";

    public IReadOnlyList<CliOptionSpec> OptionSpecs => [CliOptionSpec.Json];

    public CliArgumentSpec? Argument => new("source", "a page: a file (.gz allowed) or an http(s) address");

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var source = args.RequirePositional(0, "a file or URL");
        ArticleExtraction extraction;
        try
        {
            extraction = new ArticleExtractor().Extract(await ArticleSource.LoadAsync(context, source, MaxFileBytes, cancellationToken));
        }
        catch (Exception ex) when (ex is ExtractionException or FetchException or IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"newswatch extract: {ex.Message}");
            return 1;
        }

        await context.Out.WriteLineAsync(args.Has("json") ? ToJson(extraction) : ToText(extraction));
        return extraction.HasText ? 0 : 3;
    }

    private static string ToText(ArticleExtraction e)
    {
        var s = new System.Text.StringBuilder();
        void Line(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                s.Append(CultureInfo.InvariantCulture, $"{name,-12} {text}\n");
            }
        }

        Line("title:", e.Title);
        Line("published:", e.Published?.ToString("u", CultureInfo.InvariantCulture));
        Line("updated:", e.Updated?.ToString("u", CultureInfo.InvariantCulture));
        Line("authors:", e.Authors.Count > 0 ? string.Join(", ", e.Authors) : null);
        Line("canonical:", e.CanonicalUrl);
        Line("language:", e.Language);
        Line("site:", e.SiteName);
        Line("image:", e.ImageUrl);
        Line("description:", e.Description);
        Line("encoding:", $"{e.Encoding} ({e.EncodingSource})");
        Line("words:", $"{e.WordCount} in {e.ParagraphCount} paragraphs");
        s.Append('\n').Append(e.HasText ? e.Text : "(no article text found)");
        return s.ToString();
    }

    private static string ToJson(ArticleExtraction e)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("title", e.Title);
            w.WriteString("published", e.Published?.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("updated", e.Updated?.ToString("O", CultureInfo.InvariantCulture));
            w.WriteStartArray("authors");
            foreach (var author in e.Authors)
            {
                w.WriteStringValue(author);
            }

            w.WriteEndArray();
            w.WriteString("canonicalUrl", e.CanonicalUrl?.AbsoluteUri);
            w.WriteString("language", e.Language);
            w.WriteString("siteName", e.SiteName);
            w.WriteString("imageUrl", e.ImageUrl?.AbsoluteUri);
            w.WriteString("description", e.Description);
            w.WriteString("encoding", e.Encoding);
            w.WriteString("encodingSource", e.EncodingSource.ToString());
            w.WriteNumber("wordCount", e.WordCount);
            w.WriteNumber("paragraphCount", e.ParagraphCount);
            w.WriteString("text", e.Text);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
