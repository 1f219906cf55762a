using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsWatch.Articles;
using NewsWatch.Assessment;
using NewsWatch.Extraction;
using NewsWatch.Feeds;
using NewsWatch.Fetching;
using NewsWatch.Pipeline;
using NewsWatch.Stories;
using NewsWatch.Testing.InMemory;

namespace NewsWatch.Core.Tests.Pipeline;

/// <summary>The core jobs wired to in-memory stores and a real HTTP client (tests serve pages on loopback).</summary>
internal sealed class PipelineHarness : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });

    public PipelineHarness(IArticleExtractor extractor, params FeedDefinition[] feeds)
        : this(TimeProvider.System, extractor, feeds)
    {
    }

    public PipelineHarness(TimeProvider time, IArticleExtractor extractor, params FeedDefinition[] feeds)
        : this(time, extractor, null, feeds)
    {
    }

    /// <param name="alertRecorder">A real recorder for tests about which alerts the pipeline records; null: a mock.</param>
    public PipelineHarness(TimeProvider time, IArticleExtractor extractor, NewsWatch.Alerts.IAlertRecorder? alertRecorder, params FeedDefinition[] feeds)
    {
        var fetchOptions = Options.Create(new FetchOptions { Timeout = TimeSpan.FromSeconds(5), MaxArticleBytes = 1_000_000 });
        var fetcher = new WebFetcher(_http, fetchOptions, NullLogger<WebFetcher>.Instance);
        var pipeline = new PipelineOptions { Feeds = [.. feeds], FeedConcurrency = 2 };
        Poll = new PollFeedsJob(
            new FeedReader(fetcher, new FeedParser(), fetchOptions), States, Ledger, Queue, AlertDelivery.Object,
            new StaticOptionsMonitor<PipelineOptions>(pipeline), time, NullLogger<PollFeedsJob>.Instance);
        var stories = StoryComponents.For(WatchSubjectOptions.XiaomiEv());
        Stories = stories.NewIndex();
        Process = new ProcessArticleJob(
            new ArticleFetcher(fetcher, fetchOptions, TimeProvider.System), extractor, ArticleAssessor.ForXiaomiEv(),
            stories.Reader, Stories, alertRecorder ?? AlertRecorder.Object, AlertDelivery.Object,
            Options.Create(WatchSubjectOptions.XiaomiEv()), Articles, TimeProvider.System,
            NullLogger<ProcessArticleJob>.Instance);
    }

    public InMemoryFeedStateStore States { get; } = new();

    public InMemoryFeedItemLedger Ledger { get; } = new();

    public InMemoryArticleQueue Queue { get; } = new();

    public InMemoryArticleStore Articles { get; } = new();

    /// <summary>Alerts are a seam here; their own tests and the Azurite integration tests cover them.</summary>
    public Moq.Mock<NewsWatch.Alerts.IAlertRecorder> AlertRecorder { get; } = new();

    public Moq.Mock<NewsWatch.Alerts.IAlertDelivery> AlertDelivery { get; } = new();

    public InMemoryStoryIndex Stories { get; }

    public PollFeedsJob Poll { get; }

    public ProcessArticleJob Process { get; }

    public void Dispose() => _http.Dispose();
}

internal sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
