using System.Text.Json;
using NewsWatch.Extraction.Decoding;

using NewsWatch.Extraction;

namespace NewsWatch.Evaluation.Extraction;

/// <summary>One corpus page: its id, original address, gold article text and raw HTML bytes.</summary>
public sealed record CorpusPage(string Id, Uri? Url, string GoldText, byte[] Html);

/// <summary>
/// An extraction corpus in the article-extraction-benchmark layout: <c>ground-truth.json</c> maps each
/// id to {"articleBody", "url"}, and <c>html/&lt;id&gt;.html.gz</c> (or plain .html) holds the page.
/// Pages are loaded fully into memory, decompressed, so timing measures extraction and not disk or gzip.
/// </summary>
public static class ExtractionCorpus
{
    /// <summary>Generous per-page cap for stored pages: the corpus should load whatever the extractor refuses.</summary>
    private const int MaxPageBytes = 64 * 1024 * 1024;

    /// <exception cref="FileNotFoundException">The directory has no ground-truth.json.</exception>
    public static IReadOnlyList<CorpusPage> Load(string directory)
    {
        var truthPath = Path.Combine(directory, "ground-truth.json");
        if (!File.Exists(truthPath))
        {
            throw new FileNotFoundException($"no ground-truth.json in {directory}", truthPath);
        }

        using var truth = JsonDocument.Parse(File.ReadAllBytes(truthPath));
        var pages = new List<CorpusPage>();
        foreach (var entry in truth.RootElement.EnumerateObject())
        {
            var gold = entry.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? string.Empty : string.Empty;
            Uri? url = entry.Value.TryGetProperty("url", out var u) && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var parsed)
                ? parsed
                : null;
            pages.Add(new CorpusPage(entry.Name, url, gold, ReadPage(directory, entry.Name)));
        }

        pages.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return pages;
    }

    private static byte[] ReadPage(string directory, string id)
    {
        foreach (var name in (ReadOnlySpan<string>)[$"{id}.html.gz", $"{id}.html"])
        {
            var path = Path.Combine(directory, "html", name);
            if (File.Exists(path))
            {
                return CompressedContent.ReadFile(path, MaxPageBytes);
            }
        }

        throw new FileNotFoundException($"page {id} missing under {Path.Combine(directory, "html")}");
    }
}
