using System.Diagnostics;
using System.Runtime;
using AngleSharp.Html.Parser;
using NewsWatch.Articles;
using NewsWatch.Evaluation.Extraction;
using NewsWatch.Extraction;
using NewsWatch.Extraction.Decoding;
using NewsWatch.Benchmarks.Measurement;

namespace NewsWatch.Benchmarks.Extraction;

/// <summary>Throughput and memory of bare AngleSharp parsing and of full extraction over the same in-memory pages.</summary>
public sealed record BenchmarkReport(
    BenchmarkPhase ExtractCold,
    BenchmarkPhase ParseCold,
    BenchmarkPhase ParseWarm,
    BenchmarkPhase ExtractWarm,
    long ProcessPeakWorkingSetBytes)
{
    /// <summary>Warm full extraction throughput as a share of warm bare-parse throughput (b/a), median passes.</summary>
    public double WarmExtractToParse => ParseWarm.PagesPerSecond > 0 ? ExtractWarm.PagesPerSecond / ParseWarm.PagesPerSecond : 0;
}

/// <summary>
/// Times (a) AngleSharp parsing alone — default <see cref="HtmlParser"/> on text decoded before the
/// clock starts — and (b) the full extraction from raw bytes (guard, charset detection, parse,
/// metadata, text). (b) thus does strictly more work than (a). The first pass of each is reported
/// separately as "cold": extraction runs first so that its cold pass includes JIT of AngleSharp
/// too, as a freshly started function would. Untimed warm-up passes follow, because tiered JIT
/// keeps recompiling hot AngleSharp code on a background thread for the first seconds and a
/// long-running worker does not pay that per page. Measured warm passes then alternate (a), (b),
/// (a), (b)... so that changes in machine load fall on both equally; each phase reports its
/// median pass.
/// </summary>
public static class ExtractionBenchmark
{
    /// <summary>Often enough to catch a page's peak (a pass takes seconds); rarely enough not to steal a core on a small machine.</summary>
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>Untimed passes of each phase between the cold pass and the measured warm passes.</summary>
    public const int DefaultWarmUpPasses = 3;

    public static BenchmarkReport Run(
        IArticleExtractor extractor, IReadOnlyList<CorpusPage> pages, int warmPasses, int warmUpPasses = DefaultWarmUpPasses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentOutOfRangeException.ThrowIfLessThan(warmPasses, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmUpPasses);

        var bytes = pages.Sum(p => (long)p.Html.Length);
        var articles = pages
            .Select(p => p.Url ?? new Uri("https://corpus.invalid/" + p.Id))
            .Zip(pages, (url, p) => new Article(url, url, "text/html", null, p.Html, DateTimeOffset.UnixEpoch))
            .ToArray();
        var texts = pages.Select(p => HtmlDecoder.Decode(p.Html, null).Html).ToArray();

        void Extract()
        {
            foreach (var article in articles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    extractor.Extract(article);
                }
                catch (ExtractionException)
                {
                    // A refused page costs what it costs; the benchmark measures time, not outcome.
                }
            }
        }

        void Parse()
        {
            foreach (var text in texts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var document = new HtmlParser().ParseDocument(text);
            }
        }

        // Throughput, not pause times, is what is measured: the batch GC mode avoids the background
        // GC thread competing with the measured one. Restored afterwards; applies to (a) and (b) alike.
        var latencyMode = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        try
        {
            return Measure(pages.Count, bytes, warmPasses, warmUpPasses, Extract, Parse);
        }
        finally
        {
            GCSettings.LatencyMode = latencyMode;
        }
    }

    private static BenchmarkReport Measure(int pageCount, long bytes, int warmPasses, int warmUpPasses, Action extract, Action parse)
    {
        long extractColdPeak = 0, parseColdPeak = 0, parsePeak = 0, extractPeak = 0;
        var extractCold = Time(extract, ref extractColdPeak);
        var parseCold = Time(parse, ref parseColdPeak);
        for (var pass = 0; pass < warmUpPasses; pass++)
        {
            // Peaks still count: memory is judged over the whole run, not only the timed passes.
            Time(parse, ref parsePeak);
            Time(extract, ref extractPeak);
        }

        var parseWarm = new List<PassTiming>(warmPasses);
        var extractWarm = new List<PassTiming>(warmPasses);
        for (var pass = 0; pass < warmPasses; pass++)
        {
            parseWarm.Add(Time(parse, ref parsePeak));
            extractWarm.Add(Time(extract, ref extractPeak));
        }

        BenchmarkPhase Phase(string name, List<PassTiming> passes, long peak) => new(name, pageCount, bytes, passes, peak);
        using var process = Process.GetCurrentProcess();
        return new BenchmarkReport(
            Phase("full extraction, cold", [extractCold], extractColdPeak),
            Phase("AngleSharp parse, cold", [parseCold], parseColdPeak),
            Phase("AngleSharp parse, warm", parseWarm, parsePeak),
            Phase("full extraction, warm", extractWarm, extractPeak),
            process.PeakWorkingSet64);
    }

    /// <summary>Times one pass and raises <paramref name="peak"/> to the highest working set seen during it.</summary>
    private static PassTiming Time(Action body, ref long peak)
    {
        // Start each pass from a collected heap so one pass's garbage is not billed to the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var sampler = new MemorySampler(SampleInterval);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        body();
        var wall = Stopwatch.GetElapsedTime(start);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        peak = Math.Max(peak, sampler.Peak);
        return new PassTiming(wall, cpu);
    }
}
