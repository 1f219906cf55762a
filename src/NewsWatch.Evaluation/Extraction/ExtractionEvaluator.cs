using System.Diagnostics;
using NewsWatch.Articles;

using NewsWatch.Extraction;

namespace NewsWatch.Evaluation.Extraction;

/// <summary>One page's outcome: the predicted text (or the error), its score and the time extraction took.</summary>
public sealed record PageEvaluation(CorpusPage Page, string Predicted, PageScore Score, TimeSpan Elapsed, string? Error);

/// <summary>The whole run: per-page results, the benchmark summary and the extraction throughput.</summary>
public sealed record EvaluationReport(IReadOnlyList<PageEvaluation> Pages, ScoreSummary Summary, TimeSpan ExtractionTime)
{
    /// <summary>Pages per second of extraction time only (loading and scoring excluded).</summary>
    public double PagesPerSecond => ExtractionTime > TimeSpan.Zero ? Pages.Count / ExtractionTime.TotalSeconds : 0;
}

/// <summary>Runs an extractor over a corpus and scores every page with <see cref="ShingleMetric"/>.</summary>
public static class ExtractionEvaluator
{
    /// <param name="progress">Called after each page with (pages done, pages in all).</param>
    public static EvaluationReport Evaluate(
        IArticleExtractor extractor, IReadOnlyList<CorpusPage> pages, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(pages);
        var results = new List<PageEvaluation>(pages.Count);
        var total = TimeSpan.Zero;
        var fetchedAt = DateTimeOffset.UnixEpoch;
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var url = page.Url ?? new Uri("https://corpus.invalid/" + page.Id);
            var article = new Article(url, url, "text/html", Charset: null, page.Html, fetchedAt);
            string predicted;
            string? error = null;
            var start = Stopwatch.GetTimestamp();
            try
            {
                predicted = extractor.Extract(article).Text;
            }
            catch (ExtractionException ex)
            {
                // A refused page scores as an empty prediction, exactly as a missing prediction would.
                predicted = string.Empty;
                error = ex.Message;
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            total += elapsed;
            results.Add(new PageEvaluation(page, predicted, ShingleMetric.Score(page.GoldText, predicted), elapsed, error));
            progress?.Invoke(results.Count, pages.Count);
        }

        return new EvaluationReport(results, ShingleMetric.Summarise(results.Select(r => r.Score).ToList()), total);
    }
}
