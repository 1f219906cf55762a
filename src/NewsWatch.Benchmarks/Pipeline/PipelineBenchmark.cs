using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.LocalDev.QueueTrigger;
using NewsWatch.Pipeline;

namespace NewsWatch.Benchmarks.Pipeline;

/// <summary>What one pipeline run measured.</summary>
/// <param name="StorageOperations">Requests of every storage client over poll → queue → process, by the pipeline policy.</param>
/// <param name="RawOperationsPerSecond">Point upserts and reads on Azurite at the same concurrency, in the same run: the ceiling.</param>
public sealed record PipelineBenchmarkResult(
    int Articles,
    int Stored,
    int Failed,
    int Stories,
    TimeSpan Elapsed,
    TimeSpan ProcessP50,
    TimeSpan ProcessP95,
    long StorageOperations,
    long StoryQueries,
    double RawOperationsPerSecond,
    NewsWatch.Evaluation.Relevance.BCubed Grouping,
    IReadOnlyDictionary<string, long> OperationsByResource)
{
    public double ArticlesPerSecond => Articles / Elapsed.TotalSeconds;

    public double OperationsPerArticle => (double)StorageOperations / Math.Max(1, Articles);

    public double OperationsPerSecond => StorageOperations / Elapsed.TotalSeconds;
}

/// <summary>
/// Runs the real pipeline — the PollFeeds job, the articles queue, the ProcessArticle job with the real Table adapters
/// and story index — on a composed service provider, with the Functions host's queue-trigger rules played by the
/// local listener, and times every article. Storage must be created; the provider's counter must be fresh.
/// </summary>
public static class PipelineBenchmark
{
    private const int RawOperations = 1_000;

    /// <param name="eventOf">The generated event an article address reports, to score the grouping.</param>
    public static async Task<PipelineBenchmarkResult> RunAsync(
        IServiceProvider services, QueueTriggerSettings settings, string storiesTable, Func<Uri, string> eventOf,
        Action<int>? processed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(eventOf);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        var storage = services.GetRequiredService<StorageClients>();
        var counter = services.GetRequiredService<StorageOperationCounter>();
        var job = services.GetRequiredService<ProcessArticleJob>();
        var times = new ConcurrentBag<TimeSpan>();
        int stored = 0, failed = 0;
        var stories = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var grouping = new ConcurrentBag<(string Gold, string Predicted)>();
        var listener = new QueueTriggerListener(
            storage.ArticlesQueue,
            storage.ArticlesPoisonQueue,
            settings,
            async (message, token) =>
            {
                var started = Stopwatch.GetTimestamp();
                var article = ArticleMessage.Parse(message.Text);
                var outcome = await job.RunAsync(article, token);
                times.Add(Stopwatch.GetElapsedTime(started));
                if (outcome.Status == ProcessStatus.Failed)
                {
                    Interlocked.Increment(ref failed);
                }
                else
                {
                    Interlocked.Increment(ref stored);
                }

                if (outcome.StoryId is { } id)
                {
                    stories.TryAdd(id, 0);
                    grouping.Add((eventOf(article.Url), id));
                }

                processed?.Invoke(times.Count);
            },
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<QueueTriggerListener>>());

        var before = (counter.Total, counter.Queries);
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<PollFeedsJob>().RunAsync(ct);
        await listener.DrainAsync(ct);
        clock.Stop();
        var operations = counter.Total - before.Total;
        var queries = counter.Queries - before.Queries;

        var raw = await RawRateAsync(storage.Table(storiesTable + "raw"), settings.BatchSize, ct);
        var sorted = times.Order().ToArray();
        return new PipelineBenchmarkResult(
            sorted.Length, stored, failed, stories.Count, clock.Elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.95),
            operations, queries, raw, NewsWatch.Evaluation.Relevance.BCubed.Score([.. grouping]),
            counter.ByResource.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    /// <summary>Half upserts, half point reads, with as many in flight as the listener runs functions.</summary>
    private static async Task<double> RawRateAsync(TableClient table, int concurrency, CancellationToken ct)
    {
        await table.CreateIfNotExistsAsync(ct);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, RawOperations / 2),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = ct },
            async (i, token) =>
            {
                var key = (i % 64).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await table.UpsertEntityAsync(new TableEntity("raw", key) { ["N"] = i }, TableUpdateMode.Replace, token);
                await table.GetEntityAsync<TableEntity>("raw", key, cancellationToken: token);
            });
        clock.Stop();
        await table.DeleteAsync(ct);
        return RawOperations / clock.Elapsed.TotalSeconds;
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double p) =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
