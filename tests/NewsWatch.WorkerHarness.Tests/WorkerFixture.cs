using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Articles;
using NewsWatch.Cli.Sample;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.Testing.Azurite;
using NewsWatch.Testing.Http;
using NewsWatch.Testing.Repo;

namespace NewsWatch.WorkerHarness.Tests;

[CollectionDefinition(Name)]
public sealed class WorkerCollection : ICollectionFixture<WorkerFixture>
{
    public const string Name = "Published worker";
}

/// <summary>
/// One published worker started by the host emulator against a real Azurite, the offline sample feed site and a
/// loopback server for failures. Queue and table names are unique to this run; the poll schedule and the queue name
/// are deliberately not the defaults, so the tests see the binding expressions follow the settings.
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    public const string Schedule = "0 */7 * * * *";

    private readonly AzuriteFixture _azurite = new();
    private bool _ownsPublish;

    public string PublishDirectory { get; private set; } = string.Empty;

    public string Scope { get; } = "h" + Guid.NewGuid().ToString("N")[..10];

    public string ArticlesQueue => $"harness-articles-{Scope}";

    public string ArticlesTable => $"articles{Scope}";

    public string PickupDirectory { get; } = Directory.CreateTempSubdirectory("newswatch-harness-pickup-").FullName;

    public string StorageConnection => _azurite.ConnectionString;

    internal SampleSiteServer Sample { get; private set; } = null!;

    public LoopbackHttpServer Failing { get; private set; } = null!;

    public FunctionsHostEmulator Host { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> AppSettings { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        (PublishDirectory, _ownsPublish) = await PublishedApp.PublishAsync();
        await _azurite.InitializeAsync();
        var site = new SampleSite(Path.Combine(RepoPaths.Root, "samples", "offline", "pages.json"), RepoPaths.Seeds);
        Sample = await SampleSiteServer.StartAsync(site, port: 0, CancellationToken.None);
        Failing = await LoopbackHttpServer.StartAsync();

        AppSettings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["NewsWatch:PollSchedule"] = Schedule,
            ["NewsWatch:Feeds:0:Id"] = "sample",
            ["NewsWatch:Feeds:0:Name"] = "Offline sample",
            ["NewsWatch:Feeds:0:Url"] = new Uri(Sample.BaseUrl, "feed.xml").AbsoluteUri,
            ["NewsWatch:Storage:ArticlesQueue"] = ArticlesQueue,
            ["NewsWatch:Storage:ArticlesTable"] = ArticlesTable,
            ["NewsWatch:Storage:FeedsTable"] = $"feeds{Scope}",
            ["NewsWatch:Storage:FeedItemsTable"] = $"feeditems{Scope}",
            ["NewsWatch:Storage:StoriesTable"] = $"stories{Scope}",
            ["NewsWatch:Alerts:Table"] = $"alerts{Scope}",
            ["NewsWatch:Alerts:PickupDirectory"] = PickupDirectory,
            ["NewsWatch:Fetch:Timeout"] = "00:00:10",
            ["NewsWatch:Fetch:AllowPrivateNetworks"] = "true", // the sample site and the failing server are on loopback
            ["NewsWatch:Fetch:Resilience:Retry:Delay"] = "00:00:00.050",
        };

        // In Azure, infra/app/storage.bicep creates the queues and tables before the app runs; the app never creates them.
        await using (var app = AppServices())
        {
            await app.GetRequiredService<StorageInitializer>().EnsureCreatedAsync();
        }

        Host = await FunctionsHostEmulator.StartAsync(new WorkerHarnessOptions { PublishDirectory = PublishDirectory, AppSettings = AppSettings });
    }

    /// <summary>The app's own storage adapters on the same account and names, to read what the worker wrote.</summary>
    public ServiceProvider AppServices()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(AppSettings.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value))).Build();
        return new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddNewsWatch(config).BuildServiceProvider();
    }

    public async Task<List<ArticleRecord>> ArticlesAsync()
    {
        await using var sp = AppServices();
        var list = new List<ArticleRecord>();
        await foreach (var a in sp.GetRequiredService<IArticleStore>().ListWithoutTextAsync())
        {
            list.Add(a);
        }

        return list;
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Sample is not null)
        {
            await Sample.DisposeAsync();
        }

        if (Failing is not null)
        {
            await Failing.DisposeAsync();
        }

        await _azurite.DisposeAsync();
        TryDelete(PickupDirectory);
        if (_ownsPublish)
        {
            TryDelete(PublishDirectory);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder; a file still held open by an exiting process is not worth failing the run for.
        }
    }
}
