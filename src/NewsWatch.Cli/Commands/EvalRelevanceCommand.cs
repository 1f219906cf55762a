using System.Globalization;
using Microsoft.Extensions.Options;
using NewsWatch.Articles;
using NewsWatch.Assessment;
using NewsWatch.Evaluation.Relevance;
using NewsWatch.Extraction;
using NewsWatch.Evaluation.Extraction;
using NewsWatch.Benchmarks.Extraction;
using NewsWatch.Benchmarks.Measurement;
using NewsWatch.Stories;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// <c>newswatch eval relevance</c>: scores the assessment on labeled excerpts — relevance and
/// approval=granted precision/recall/F1, the granted/pending/none confusion matrix, the stories the
/// excerpts group into, and assessment throughput; with --corpus also extraction vs assessment cost
/// per article on an extraction corpus.
/// </summary>
internal sealed class EvalRelevanceCommand(CliContext context) : ICliCommand
{
    public string Name => "eval relevance";

    public string Usage =>
        "eval relevance --data FILE.jsonl [--split first|second] [--out PRED.jsonl] [--subject FILE] [--corpus DIR] [--passes N] [--verbose]   relevance/approval scores, stories, throughput";

    public IReadOnlyList<CliOptionSpec> OptionSpecs => [CliOptionSpec.Value("data", "FILE.jsonl", "labelled excerpts"), CliOptionSpec.Value("split", "first|second", "score only the first or the second half of the file (development / held-out)"), CliOptionSpec.Value("out", "PRED.jsonl", "write the predictions here"), CliOptionSpec.Value("subject", "FILE", "watch subject file (default: Xiaomi EV)"), CliOptionSpec.Value("corpus", "DIR", "articles for the story grouping check"), CliOptionSpec.Value("passes", "N", "timed passes (default 10)"), CliOptionSpec.Verbose];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var dataPath = context.ResolvePath(args.Require("data"));
        var passes = args.GetInt("passes", 10);
        var subject = args.Get("subject") is { } file ? AssessmentJson.LoadWatchSubject(context.ResolvePath(file)) : WatchSubjectOptions.XiaomiEv();
        IReadOnlyList<LabeledExcerpt> records;
        try
        {
            using var reader = File.OpenText(dataPath);
            records = LabeledExcerptReader.Split(LabeledExcerptReader.Read(reader), args.Get("split"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            await context.Error.WriteLineAsync($"newswatch eval relevance: {ex.Message}");
            return 1;
        }

        var assessor = new ArticleAssessor(Options.Create(subject));
        var evaluation = RelevanceEvaluation.Run(assessor, records);
        await Out($"records: {records.Count}   subject: {subject.Key}");
        await Metrics("relevance", evaluation.Relevance);
        await Metrics("approval=granted", evaluation.Granted);
        await Out($"pending/none reported as granted: {evaluation.FalseGrants}");
        await Out($"regulator of primary event = label (records labeled granted/pending with a regulator): {evaluation.RegulatorsMatched}/{evaluation.RegulatorsLabeled} ({evaluation.RegulatorAccuracy:P1})");
        await Out("approval confusion matrix (rows: label, columns: predicted)");
        await Out(evaluation.Approval.Format());
        await WritePredictionLinesAsync(evaluation, args.Has("verbose"));
        var stories = await StoryEvaluation.RunAsync(StoryComponents.For(subject), evaluation.Predictions, cancellationToken);
        await WriteStoriesAsync(records, stories, args.Has("verbose"));

        var texts = records.Select(r => new AssessmentInput(null, r.Text, null, r.Published, r.Language)).ToList();
        await Throughput("assessment, labeled excerpts", texts, assessor, passes, cancellationToken);
        if (args.Get("corpus") is { } corpus)
        {
            await CompareWithExtractionAsync(context.ResolvePath(corpus), assessor, passes, cancellationToken);
        }

        if (args.Get("out") is { } outPath)
        {
            var path = context.ResolvePath(outPath);
            await using var output = File.Create(path);
            evaluation.WritePredictions(output, [.. stories.Assignments.Select(a => a.StoryId)]);
            await Out($"predictions: {path}");
        }

        return 0;
    }

    private async Task Metrics(string name, BinaryMetrics m) =>
        await Out($"{name,-18} P {m.Precision:F3}  R {m.Recall:F3}  F1 {m.F1:F3}   (TP {m.TruePositives}, FP {m.FalsePositives}, FN {m.FalseNegatives}, TN {m.TrueNegatives})");

    /// <summary>Wrong records always (the next thing to look at); every record with --verbose.</summary>
    private async Task WritePredictionLinesAsync(RelevanceEvaluation evaluation, bool all)
    {
        foreach (var p in evaluation.Predictions)
        {
            var wrong = p.Relevant != p.Record.Relevant || p.Approval != p.Record.Approval;
            if (wrong || all)
            {
                await Out($"{(wrong ? "WRONG" : "ok   ")} {p.Record.Id,-40} relevant {p.Relevant} (label {p.Record.Relevant}, score {p.Score:0.00})  approval {p.Approval} (label {p.Record.Approval})  regulator {p.Regulator ?? "-"} (label {p.Record.Regulator ?? "-"})");
            }
        }
    }

    /// <summary>B-cubed scores when labeled; the predicted stories that mix labels or split one always (what to look at next), every shared story with --verbose.</summary>
    private async Task WriteStoriesAsync(IReadOnlyList<LabeledExcerpt> records, StoryEvaluation stories, bool all)
    {
        var pairs = records.Zip(stories.Assignments).ToList();
        await Out($"stories: {records.Count} excerpts in {stories.Assignments.Select(a => a.StoryId).Distinct().Count()} stories");
        if (stories.Scores is { } b)
        {
            await Out(string.Create(CultureInfo.InvariantCulture,
                $"stories B-cubed    P {b.Precision:F3}  R {b.Recall:F3}  F1 {b.F1:F3}   ({b.Items} labeled records, {b.GoldClusters} labeled stories, {b.PredictedClusters} predicted)"));
        }

        if (all)
        {
            foreach (var (record, evidence) in records.Zip(stories.Evidence))
            {
                await Out($"evidence {record.Id} [{record.Story ?? "-"}]: events {string.Join(' ', evidence.EventKeys)} | entities {string.Join(' ', evidence.Entities)} | quantities {string.Join(' ', evidence.Quantities)}");
            }
        }

        foreach (var g in pairs.GroupBy(p => p.Second.StoryId))
        {
            var labels = g.Select(p => p.First.Story).Distinct().ToList();
            var split = labels.Count == 1 && labels[0] is { } label && pairs.Any(p => p.First.Story == label && p.Second.StoryId != g.Key);
            if (labels.Count > 1 || split || (all && g.Count() > 1))
            {
                var tag = labels.Count > 1 ? "MIXED" : split ? "SPLIT" : "ok   ";
                await Out(string.Create(CultureInfo.InvariantCulture,
                    $"{tag} {g.Key}: {string.Join(", ", g.Select(p => $"{p.First.Id} [{p.First.Story ?? "-"}]{(p.Second.IsNew ? "" : $" ({p.Second.Score:0.0})")}"))}"));
            }
        }
    }

    private async Task CompareWithExtractionAsync(string corpus, ArticleAssessor assessor, int passes, CancellationToken ct)
    {
        IReadOnlyList<CorpusPage> pages;
        try
        {
            pages = ExtractionCorpus.Load(corpus);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or System.Text.Json.JsonException)
        {
            await context.Error.WriteLineAsync($"newswatch eval relevance: {ex.Message}");
            return;
        }

        var extractor = new ArticleExtractor();
        var articles = pages.Select(p => new Article(p.Url ?? new Uri("about:blank"), p.Url ?? new Uri("about:blank"), "text/html", null, p.Html, DateTimeOffset.UnixEpoch)).ToList();
        var extraction = NewsWatch.Evaluation.Relevance.Throughput.Measure(articles.Count, passes, i => extractor.Extract(articles[i]), ct);
        await Out(Row("extraction, extraction corpus pages", extraction, pages.Count, passes));
        var gold = await Throughput("assessment, gold bodies", [.. pages.Select(p => new AssessmentInput(null, p.GoldText, p.Url, null, null))], assessor, passes, ct);
        var extracted = await Throughput("assessment, extracted text", [.. articles.Select(a => FromExtraction(extractor.Extract(a)))], assessor, passes, ct);
        await Out($"assessment / extraction CPU time per article: {gold.CpuMillisecondsPerItem / extraction.CpuMillisecondsPerItem:P1} on gold bodies, {extracted.CpuMillisecondsPerItem / extraction.CpuMillisecondsPerItem:P1} on extracted text (budget 20%)");
    }

    private static string Row(string label, Throughput t, int items, int passes) =>
        string.Create(CultureInfo.InvariantCulture, $"{label,-38} {t.ItemsPerCpuSecond,9:F1} articles/CPU-s  {t.CpuMillisecondsPerItem,7:F3} CPU-ms/article  {t.ItemsPerSecond,9:F1} articles/s wall  ({items} x {passes} passes, one thread)");

    private static AssessmentInput FromExtraction(ArticleExtraction e) => new(e.Title, e.Text, e.CanonicalUrl, e.Published, e.Language);

    private async Task<Throughput> Throughput(
        string label, List<AssessmentInput> inputs, ArticleAssessor assessor, int passes, CancellationToken ct)
    {
        var t = NewsWatch.Evaluation.Relevance.Throughput.Measure(inputs.Count, passes, i => assessor.Assess(inputs[i]), ct);
        await Out(Row(label, t, inputs.Count, passes));
        return t;
    }

    private Task Out(string line) => context.Out.WriteLineAsync(line);
}
