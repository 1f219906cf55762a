using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Articles;
using NewsWatch.Extraction;
using NewsWatch.Feeds;
using NewsWatch.Infrastructure.Fetching;
using NewsWatch.Pipeline;

namespace NewsWatch.Integration.Tests.BadInput;

/// <summary>
/// The app's own download and parse path (the real HttpClient registration with its guard and resilience handlers,
/// the feed parser, the page fetcher and the extractor) without storage, for hostile servers on loopback.
/// </summary>
internal sealed class FetchLayer : IDisposable
{
    private readonly ServiceProvider _services;

    public FetchLayer(bool allowPrivateNetworks = true, TimeSpan? timeout = null, long maxBytes = 8 * 1024 * 1024)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NewsWatch:Fetch:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
            ["NewsWatch:Fetch:Timeout"] = (timeout ?? TimeSpan.FromSeconds(10)).ToString("c"),
            ["NewsWatch:Fetch:MaxFeedBytes"] = maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewsWatch:Fetch:MaxArticleBytes"] = maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewsWatch:Fetch:Resilience:Retry:Delay"] = "00:00:00.020",
            ["NewsWatch:Fetch:Resilience:Retry:MaxRetryAttempts"] = "1",
        }).Build();
        _services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddNewsWatchFetching(config)
            .AddSingleton<FeedParser>()
            .AddSingleton<FeedReader>()
            .AddSingleton<ArticleFetcher>()
            .AddSingleton<IArticleExtractor, ArticleExtractor>()
            .BuildServiceProvider();
    }

    public Task<FeedReadResult> ReadFeedAsync(Uri url) =>
        _services.GetRequiredService<FeedReader>().ReadAsync(new FeedDefinition { Id = "hostile", Url = url }, previous: null);

    /// <summary>What ProcessArticle would do with the page: its extraction, or the reason stored for a permanent failure.</summary>
    public async Task<PageOutcome> ProcessPageAsync(Uri url)
    {
        try
        {
            var article = await _services.GetRequiredService<ArticleFetcher>().FetchAsync(url);
            var extraction = _services.GetRequiredService<IArticleExtractor>().Extract(article);
            return new PageOutcome(extraction, null);
        }
        catch (Exception ex) when (FailureClassifier.PermanentReason(ex) is { } reason)
        {
            return new PageOutcome(null, reason);
        }
    }

    public void Dispose() => _services.Dispose();
}

internal sealed record PageOutcome(ArticleExtraction? Extraction, string? PermanentFailure);
