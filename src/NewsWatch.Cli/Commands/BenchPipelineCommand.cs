using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Benchmarks.Measurement;
using NewsWatch.Benchmarks.Pipeline;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.LocalDev;
using NewsWatch.LocalDev.QueueTrigger;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// <c>newswatch bench pipeline</c>: generated articles (events with groups of rewrites) on a loopback site, through
/// poll → queue → process on a fresh Azurite with the real adapters and story index; prints throughput, per-article
/// latency, storage operations per article (counted by the SDK pipeline policy) and the raw Azurite rate beside it.
/// </summary>
internal sealed class BenchPipelineCommand(CliContext context) : ICliCommand
{
    private const int Outlets = 10;

    public string Name => "bench pipeline";

    public string Usage => "bench pipeline [--articles N] [--concurrency N] [--seed N]   poll → queue → process on Azurite: articles/s, p50/p95, storage operations per article";

    public IReadOnlyList<CliOptionSpec> OptionSpecs =>
    [
        CliOptionSpec.Value("articles", "N", "generated articles (default 500)"),
        CliOptionSpec.Value("concurrency", "N", "messages processed at once (default 8)"),
        CliOptionSpec.Value("seed", "N", "generator seed (default 14)"),
    ];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var count = args.GetInt("articles", 500);
        var concurrency = args.GetInt("concurrency", 8);
        if (count < 1 || concurrency < 1)
        {
            throw new CliUsageException("--articles and --concurrency must be at least 1");
        }

        var site = new GeneratedNewsSite(count, Outlets, args.GetInt("seed", 14));
        await using var azurite = await AzuriteLauncher.StartAsync(
            new AzuriteLaunchOptions { RepositoryRoot = AzuriteLauncher.FindRepositoryRoot(context.WorkingDirectory, AppContext.BaseDirectory) }, cancellationToken);
        var pages = site.Articles.ToDictionary(a => a.Path, a => a.Html, StringComparer.Ordinal);
        Uri? baseUrl = null;
        await using var server = await LoopbackWebServer.StartAsync(0, app => app.Run(async http =>
        {
            var path = http.Request.Path.Value?.TrimStart('/') ?? "";
            var feed = Enumerable.Range(0, Outlets).FirstOrDefault(o => GeneratedNewsSite.FeedPath(o) == path, -1);
            if (feed >= 0)
            {
                http.Response.ContentType = "application/rss+xml; charset=utf-8";
                await http.Response.WriteAsync(site.Feed(feed, baseUrl!), http.RequestAborted);
            }
            else if (pages.TryGetValue(path, out var html))
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(html, http.RequestAborted);
            }
            else
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }), cancellationToken);
        baseUrl = server.BaseUrl;

        var scope = ScopedStorageNames.NewScope("p");
        var settings = new Dictionary<string, string?>(ScopedStorageNames.Settings(scope))
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["NewsWatch:Alerts:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "newswatch-bench-pipeline-" + scope),
            ["NewsWatch:Fetch:AllowPrivateNetworks"] = "true", // the generated site is on loopback
        };
        for (var o = 0; o < Outlets; o++)
        {
            settings[$"NewsWatch:Feeds:{o}:Id"] = $"outlet{o}";
            settings[$"NewsWatch:Feeds:{o}:Url"] = new Uri(baseUrl, GeneratedNewsSite.FeedPath(o)).AbsoluteUri;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddNewsWatch(config).BuildServiceProvider();
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        await Out($"machine: {Environment.ProcessorCount} cores, load average {Load()}; {site.Articles.Count} articles reporting {site.Events} events from {Outlets} outlets; {concurrency} messages in flight");

        var queue = new QueueTriggerSettings { BatchSize = concurrency, MaxDequeueCount = 5, VisibilityTimeout = TimeSpan.Zero };
        var events = site.Articles.ToDictionary(a => new Uri(baseUrl, a.Path).AbsoluteUri, a => a.Event.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var progress = new ProgressLine(context.Error, Name);
        var r = await PipelineBenchmark.RunAsync(
            services, queue, $"stories{scope}", url => events.GetValueOrDefault(url.AbsoluteUri, url.AbsoluteUri),
            n => progress.Report(n, site.Articles.Count, "articles processed"), cancellationToken);
        await Out(string.Create(CultureInfo.InvariantCulture, $"articles: {r.Articles} processed ({r.Stored} stored, {r.Failed} failed) into {r.Stories} stories (generated events: {site.Events})"));
        await Out(string.Create(CultureInfo.InvariantCulture, $"elapsed: {r.Elapsed.TotalSeconds:F1} s   throughput: {r.ArticlesPerSecond:F1} articles/s"));
        await Out(string.Create(CultureInfo.InvariantCulture, $"per-article processing: p50 {r.ProcessP50.TotalMilliseconds:F1} ms   p95 {r.ProcessP95.TotalMilliseconds:F1} ms"));
        await Out(string.Create(CultureInfo.InvariantCulture, $"storage operations: {r.StorageOperations} ({r.OperationsPerSecond:F0}/s; {r.StoryQueries} table queries)   raw Azurite rate, same run: {r.RawOperationsPerSecond:F0} ops/s   ratio: {r.OperationsPerSecond / r.RawOperationsPerSecond:P0}"));
        await Out(string.Create(CultureInfo.InvariantCulture, $"story grouping vs generated events: B-cubed P {r.Grouping.Precision:F3} R {r.Grouping.Recall:F3} F1 {r.Grouping.F1:F3}"));
        await Out("storage operations by request (whole run, raw-rate probe included):");
        foreach (var (resource, n) in r.OperationsByResource.OrderByDescending(p => p.Value).Take(12))
        {
            await Out(string.Create(CultureInfo.InvariantCulture, $"  {n,7}  {resource.Replace(scope, "", StringComparison.Ordinal)}"));
        }

        await Out(string.Create(CultureInfo.InvariantCulture, $"storage operations per article: {r.OperationsPerArticle:F1}"));
        await Out($"load average at end: {Load()}");
        return 0;
    }

    private static string Load() => LoadAverage.OneMinute()?.ToString("F1", CultureInfo.InvariantCulture) ?? "unknown";

    private Task Out(string line) => context.Out.WriteLineAsync(line);
}
