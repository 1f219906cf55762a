using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Articles;
using NewsWatch.Assessment;
using NewsWatch.Cli.Local;
using NewsWatch.Cli.Sample;
using NewsWatch.Cli.Serve;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.LocalDev;
using NewsWatch.LocalDev.QueueTrigger;
using NewsWatch.Pipeline;
using NewsWatch.Stories;
using NewsWatch.Testing.Azurite;
using NewsWatch.Testing.Repo;

namespace NewsWatch.ReadApi.Tests;

/// <summary>
/// The offline sample run on a real Azurite (sample feed → PollFeeds → queue → ProcessArticle → tables and alert
/// outbox), one hostile stored article on top, and <c>newswatch serve</c>'s server over it on a free loopback port.
/// </summary>
public sealed class SampleRunFixture : IAsyncLifetime
{
    /// <summary>What a page under attacker control may put in a title; it must show as text and never run.</summary>
    public const string HostileTitle = "<img src=x onerror=alert(1)>";

    public const string HostileKey = "ffffffffffffffffffffffffffffff01";

    /// <summary>The story the real story index gave the hostile article.</summary>
    public string HostileStory { get; private set; } = "";

    private readonly AzuriteFixture _azurite = new();
    private SampleSiteServer? _sample;
    private ReadApiServer? _server;
    private string _pickup = "";

    public Uri BaseUrl => _server!.BaseUrl;

    public HttpClient Http { get; } = new();

    public IReadOnlyList<ArticleRecord> SampleArticles { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var site = new SampleSite(Path.Combine(RepoPaths.Root, "samples", "offline", "pages.json"), RepoPaths.Seeds);
        _sample = await SampleSiteServer.StartAsync(site, port: 0, CancellationToken.None);
        _pickup = Directory.CreateTempSubdirectory("newswatch-readapi-").FullName;
        var config = Configuration();

        await using (var pipeline = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddNewsWatch(config)
            .AddSingleton(new QueueTriggerSettings { BatchSize = 8, MaxDequeueCount = 5, VisibilityTimeout = TimeSpan.Zero })
            .AddSingleton<RunSummaryHolder>()
            .AddSingleton<LocalRunner>()
            .BuildServiceProvider())
        {
            await pipeline.GetRequiredService<StorageInitializer>().EnsureCreatedAsync();
            await pipeline.GetRequiredService<PollFeedsJob>().RunAsync();
            await pipeline.GetRequiredService<LocalRunner>().Listener.DrainAsync(CancellationToken.None);
            var store = pipeline.GetRequiredService<IArticleStore>();
            var articles = new List<ArticleRecord>();
            await foreach (var a in store.ListWithoutTextAsync())
            {
                articles.Add(a);
            }

            SampleArticles = articles;
            var hostile = HostileArticle();
            var evidence = pipeline.GetRequiredService<StoryEvidenceReader>().Read(hostile.Title, hostile.Text, hostile.Assessment);
            var assigned = await pipeline.GetRequiredService<IStoryIndex>().AssignAsync(
                new StoryArticle(hostile.Key, hostile.Url, hostile.Title, hostile.SiteName, hostile.Language, hostile.Published!.Value, evidence),
                CancellationToken.None);
            HostileStory = assigned.StoryId;
            await store.SaveAsync(hostile with { StoryId = assigned.StoryId });
        }

        _server = await ReadApiServer.StartAsync(config, 0, b => b.SetMinimumLevel(LogLevel.Warning), CancellationToken.None);
        Http.BaseAddress = _server.BaseUrl;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_sample is not null)
        {
            await _sample.DisposeAsync();
        }

        await _azurite.DisposeAsync();
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    private IConfigurationRoot Configuration()
    {
        var scope = ScopedStorageNames.NewScope("r");
        return new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(ScopedStorageNames.Settings(scope))
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["NewsWatch:Feeds:0:Id"] = "sample",
            ["NewsWatch:Feeds:0:Url"] = new Uri(_sample!.BaseUrl, "feed.xml").AbsoluteUri + "?token=secret-feed-token",
            ["NewsWatch:Alerts:PickupDirectory"] = _pickup,
            ["NewsWatch:Alerts:Smtp:Password"] = "smtp-secret-never-shown",
            ["NewsWatch:Fetch:AllowPrivateNetworks"] = "true", // the sample site is on loopback
            ["NewsWatch:Fetch:Timeout"] = "00:00:10",
        }).Build();
    }

    private static ArticleRecord HostileArticle() => new()
    {
        Key = HostileKey,
        Url = new Uri("https://hostile.example/news/xiaomi-ev"),
        FeedId = "sample",
        ItemId = "hostile",
        Status = ArticleStatus.Stored,
        Title = HostileTitle,
        Text = "<script>alert(2)</script> Xiaomi EV text.",
        Published = DateTimeOffset.Parse("2021-01-05T00:00:00Z", CultureInfo.InvariantCulture),
        Language = "en",
        SiteName = "<b>Hostile</b> outlet",
        ProcessedAt = DateTimeOffset.UtcNow,
        Assessment = new ArticleAssessment(
            new RelevanceResult(true, 0.9, [new AssessmentReason("subject-topic", "<svg onload=alert(3)>", "<script>alert(4)</script>")]), []),
    };
}

[CollectionDefinition(Name)]
public sealed class SampleRunCollection : ICollectionFixture<SampleRunFixture>
{
    public const string Name = "sample run served";
}
