using System.Globalization;
using NewsWatch.Extraction;
using NewsWatch.Evaluation.Extraction;
using NewsWatch.Benchmarks.Extraction;
using NewsWatch.Benchmarks.Measurement;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// <c>newswatch bench extraction</c>: throughput and memory of (a) bare AngleSharp parsing and (b) full
/// extraction, then in the same run (c) Readability.js on linkedom and (d) readability-lxml over the
/// same corpus, each by its script in bench/extraction/, and the ratios b/a, b/c, b/d.
/// </summary>
internal sealed class BenchExtractionCommand(CliContext context) : ICliCommand
{
    private const string NodeScript = "readability-bench.mjs";
    private const string PythonScript = "readability_lxml_bench.py";
    private const string SystemPython = "/usr/bin/python3";
    private static readonly TimeSpan ReferenceTimeout = TimeSpan.FromMinutes(20);

    public string Name => "bench extraction";

    public string Usage => "bench extraction --corpus DIR [--passes N] [--warm-up N] [--no-reference]   pages/s, MB/s, peak memory vs AngleSharp, Readability.js, readability-lxml";

    public IReadOnlyList<CliOptionSpec> OptionSpecs => [CliOptionSpec.Value("corpus", "DIR", "gold corpus: html/<id>.html.gz + ground-truth.json"), CliOptionSpec.Value("passes", "N", "timed warm passes"), CliOptionSpec.Value("warm-up", "N", "untimed passes first"), CliOptionSpec.Flag("no-reference", "skip Readability.js and readability-lxml")];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var corpus = ExtractionCorpusOption.Resolve(context, args);
        var warmPasses = args.GetInt("passes", 5);
        if (warmPasses < 1)
        {
            throw new CliUsageException("--passes must be at least 1");
        }

        var warmUpPasses = args.GetInt("warm-up", ExtractionBenchmark.DefaultWarmUpPasses);
        if (warmUpPasses < 0)
        {
            throw new CliUsageException("--warm-up must be 0 or more");
        }

        if (await ExtractionCorpusOption.LoadAsync(context, Name, corpus) is not { } pages)
        {
            return 1;
        }

        var megabytes = pages.Sum(p => (long)p.Html.Length) / 1e6;
        await Out($"corpus: {pages.Count} pages, {megabytes:F2} MB, preloaded in memory; per phase 1 cold pass, {warmUpPasses} untimed warm-up pass(es), {warmPasses} timed warm pass(es), median reported");
        await Out($"machine: {Environment.ProcessorCount} cores, load average {Load()} at start");
        await Out($"{"",-48} {"pages/s",9} {"MB/s",8} {"pages/CPU-s",12} {"peak MB",8}");

        var report = ExtractionBenchmark.Run(new ArticleExtractor(), pages, warmPasses, warmUpPasses, cancellationToken);
        await Row("(a) " + report.ParseCold.Name, report.ParseCold);
        await Row("(a) " + report.ParseWarm.Name, report.ParseWarm);
        await Row("(b) " + report.ExtractCold.Name, report.ExtractCold);
        await Row("(b) " + report.ExtractWarm.Name, report.ExtractWarm);

        ReferenceResult? readabilityJs = null, readabilityLxml = null;
        if (!args.Has("no-reference"))
        {
            var scripts = FindScripts();
            // The reference scripts time their first pass as cold and report the median of the rest; they get as many
            // passes as (b) ran in all, so their JIT (V8) settles as much as ours did.
            var passes = (1 + warmUpPasses + warmPasses).ToString(CultureInfo.InvariantCulture);
            readabilityJs = await RunReferenceAsync("(c)", "node", [Path.Combine(scripts ?? ".", NodeScript), corpus, passes], scripts, cancellationToken);
            readabilityLxml = await RunReferenceAsync("(d)", SystemPython, [Path.Combine(scripts ?? ".", PythonScript), corpus, passes], scripts, cancellationToken);
        }

        var b = report.ExtractWarm;
        await Out(string.Empty);
        await Out($"b/a (warm): {Ratio(b.PagesPerSecond, report.ParseWarm.PagesPerSecond)} by wall clock, {Ratio(b.PagesPerCpuSecond, report.ParseWarm.PagesPerCpuSecond)} by CPU time");
        await Out($"b/a (cold): {Ratio(report.ExtractCold.PagesPerSecond, report.ParseCold.PagesPerSecond)} by wall clock (extraction's cold pass runs first and pays for AngleSharp's JIT)");
        foreach (var (label, reference) in new[] { ("b/c", readabilityJs), ("b/d", readabilityLxml) })
        {
            if (reference is not null)
            {
                await Out($"{label} (warm): {Ratio(b.PagesPerSecond, reference.Warm.PagesPerSecond)} by wall clock, {Ratio(b.PagesPerCpuSecond, reference.Warm.PagesPerCpuSecond)} by CPU time");
            }
        }

        await Out($"peak memory (whole .NET process, all phases): {report.ProcessPeakWorkingSetBytes / 1048576.0:F0} MB");
        await Out($"load average at end: {Load()} (wall-clock ratios on a busy machine favour whichever extractor ran in the quieter moment; CPU-time ratios less so)");
        return 0;
    }

    private async Task<ReferenceResult?> RunReferenceAsync(
        string label, string executable, string[] arguments, string? scripts, CancellationToken cancellationToken)
    {
        if (scripts is null)
        {
            await Out($"{label} skipped: bench/extraction/ not found above {context.WorkingDirectory}");
            return null;
        }

        try
        {
            var result = await ReferenceExtractorRun.RunAsync(executable, arguments, ReferenceTimeout, cancellationToken);
            await Row($"{label} {result.Cold.Name}", result.Cold);
            await Row($"{label} {result.Warm.Name}", result.Warm);
            return result;
        }
        catch (InvalidOperationException ex)
        {
            await Out($"{label} failed: {ex.Message}");
            return null;
        }
    }

    private static string Load() => LoadAverage.OneMinute()?.ToString("F1", CultureInfo.InvariantCulture) ?? "unknown";

    private static string Ratio(double numerator, double denominator) =>
        denominator > 0 ? (numerator / denominator).ToString("F2", CultureInfo.InvariantCulture) : "n/a";

    private Task Row(string label, BenchmarkPhase phase) => Out(string.Create(CultureInfo.InvariantCulture,
        $"{label,-48} {phase.PagesPerSecond,9:F1} {phase.MegabytesPerSecond,8:F2} {phase.PagesPerCpuSecond,12:F1} {(phase.PeakMemoryBytes > 0 ? (phase.PeakMemoryBytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) : "-"),8}"));

    private Task Out(string line) => context.Out.WriteLineAsync(line);

    /// <summary>bench/extraction/ in the working directory or any parent, else next to the executable or above it.</summary>
    private string? FindScripts()
    {
        foreach (var start in (ReadOnlySpan<string>)[context.WorkingDirectory, AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "extraction");
                if (File.Exists(Path.Combine(candidate, NodeScript)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
