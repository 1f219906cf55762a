using System.Globalization;
using NewsWatch.Extraction;
using NewsWatch.Evaluation.Extraction;
using NewsWatch.Benchmarks.Extraction;
using NewsWatch.Benchmarks.Measurement;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch eval extraction</c>: scores the extractor on a corpus with the benchmark's shingle metric.</summary>
internal sealed class EvalExtractionCommand(CliContext context) : ICliCommand
{
    public string Name => "eval extraction";

    public string Usage => "eval extraction --corpus DIR [--out PRED.json] [--verbose]   F1/precision/recall on html/<id>.html.gz + ground-truth.json";

    public IReadOnlyList<CliOptionSpec> OptionSpecs => [CliOptionSpec.Value("corpus", "DIR", "gold corpus: html/<id>.html.gz + ground-truth.json"), CliOptionSpec.Value("out", "PRED.json", "write the predictions here"), CliOptionSpec.Verbose];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var corpus = ExtractionCorpusOption.Resolve(context, args);
        if (await ExtractionCorpusOption.LoadAsync(context, Name, corpus) is not { } pages)
        {
            return 1;
        }

        var progress = new ProgressLine(context.Error, Name);
        var report = ExtractionEvaluator.Evaluate(new ArticleExtractor(), pages, (done, total) => progress.Report(done, total, "pages"), cancellationToken);
        if (args.Has("verbose"))
        {
            await WritePagesAsync(report);
        }

        var s = report.Summary;
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"pages: {s.Pages}  F1: {s.F1:F3}  precision: {s.Precision:F3}  recall: {s.Recall:F3}  pages/s: {report.PagesPerSecond:F1}"));
        var failed = report.Pages.Count(p => p.Error is not null);
        if (failed > 0)
        {
            await context.Out.WriteLineAsync($"refused: {failed} page(s) (scored as empty predictions)");
        }

        if (args.Get("out") is { } outPath)
        {
            var path = context.ResolvePath(outPath);
            await using var file = File.Create(path);
            PredictionFile.Write(file, report);
            await context.Out.WriteLineAsync($"predictions: {path}");
        }

        return 0;
    }

    /// <summary>Worst pages first, so the next thing to fix is at the top.</summary>
    private async Task WritePagesAsync(EvaluationReport report)
    {
        foreach (var page in report.Pages.OrderBy(p => F1(p.Score)))
        {
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{page.Page.Id[..12]}  F1 {F1(page.Score):F3}  P {page.Score.Precision ?? double.NaN:F3}  R {page.Score.Recall ?? double.NaN:F3}  {page.Elapsed.TotalMilliseconds,6:F1} ms  {page.Page.Url}{(page.Error is null ? "" : "  ERROR " + page.Error)}"));
        }
    }

    private static double F1(PageScore score) =>
        score.Precision is { } p && score.Recall is { } r && p + r > 0 ? 2 * p * r / (p + r) : 0;
}
