using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NewsWatch.Extraction;
using NewsWatch.Evaluation.Extraction;
using NewsWatch.Benchmarks.Extraction;
using NewsWatch.Benchmarks.Measurement;

namespace NewsWatch.Evaluation.Tests.Extraction;

public sealed class EvaluationToolsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nw-corpus-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Loads_a_corpus_scores_it_and_writes_benchmark_predictions()
    {
        WriteCorpus(("p1", "<html><body><article><p>The first test article has one paragraph, with commas, and enough words to count.</p></article></body></html>",
            "The first test article has one paragraph, with commas, and enough words to count."));

        var pages = ExtractionCorpus.Load(_dir);
        var report = ExtractionEvaluator.Evaluate(new ArticleExtractor(), pages);
        using var output = new MemoryStream();
        PredictionFile.Write(output, report);

        Assert.Equal(1, report.Summary.Pages);
        Assert.Equal(1, report.Summary.F1, 6);
        using var json = JsonDocument.Parse(output.ToArray());
        Assert.StartsWith("The first test article", json.RootElement.GetProperty("p1").GetProperty("articleBody").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_page_scores_as_an_empty_prediction()
    {
        WriteCorpus(("bad", "", "Gold text that the extractor cannot produce from an empty page."));

        var report = ExtractionEvaluator.Evaluate(new ArticleExtractor(), ExtractionCorpus.Load(_dir));

        Assert.NotNull(report.Pages[0].Error);
        Assert.Equal(0, report.Summary.Recall);
    }

    [Fact]
    public void Missing_ground_truth_is_a_clear_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ExtractionCorpus.Load(_dir));

        Assert.Contains("ground-truth.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_reference_scripts_json_line()
    {
        var result = ReferenceExtractorRun.Parse("""
            warming up
            {"extractor":"Readability.js","pages":100,"bytes":2000000,"cold":{"seconds":4,"cpuSeconds":3},"warm":[{"seconds":2,"cpuSeconds":1.6},{"seconds":9,"cpuSeconds":2},{"seconds":2.5,"cpuSeconds":1.8}],"peakRssBytes":104857600}
            """);

        // The median warm pass (2.5 s wall, 1.8 s CPU): the 9-second outlier does not count.
        Assert.NotNull(result);
        Assert.Equal(40, result.Warm.PagesPerSecond, 6);
        Assert.Equal(25, result.Cold.PagesPerSecond, 6);
        Assert.Equal(100 / 1.8, result.Warm.PagesPerCpuSecond, 6);
        Assert.Equal(0.8, result.Warm.MegabytesPerSecond, 6);
        Assert.Equal(104857600, result.Warm.PeakMemoryBytes);
    }

    private void WriteCorpus(params (string Id, string Html, string Gold)[] pages)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "html"));
        var truth = new Dictionary<string, object>();
        foreach (var (id, html, gold) in pages)
        {
            using (var file = File.Create(Path.Combine(_dir, "html", id + ".html.gz")))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                gzip.Write(Encoding.UTF8.GetBytes(html));
            }

            truth[id] = new Dictionary<string, string> { ["articleBody"] = gold, ["url"] = $"https://example.com/{id}" };
        }

        File.WriteAllText(Path.Combine(_dir, "ground-truth.json"), JsonSerializer.Serialize(truth));
    }
}
