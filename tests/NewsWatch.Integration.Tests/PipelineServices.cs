using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Articles;
using NewsWatch.Cli.Local;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.LocalDev;
using NewsWatch.LocalDev.QueueTrigger;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Integration.Tests;

/// <summary>
/// The app's composition on the test Azurite with queue and table names of its own (so tests share one Azurite), the
/// local runner with host.json's queue rules, and loopback allowed unless a test says otherwise.
/// </summary>
internal static class PipelineServices
{
    public const int RetriesPerAttempt = 2;

    public static string NewScope() => ScopedStorageNames.NewScope();

    public static ServiceProvider Build(
        AzuriteFixture azurite, string scope, IEnumerable<KeyValuePair<string, string?>> settings, int maxDequeueCount = 5,
        Action<ILoggingBuilder>? logging = null)
    {
        var values = new Dictionary<string, string?>(ScopedStorageNames.Settings(scope))
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["NewsWatch:Fetch:Timeout"] = "00:00:10",
            ["NewsWatch:Fetch:AllowPrivateNetworks"] = "true", // test sites are on loopback
            ["NewsWatch:Fetch:Resilience:Retry:Delay"] = "00:00:00.050",
            ["NewsWatch:Fetch:Resilience:Retry:MaxRetryAttempts"] = RetriesPerAttempt.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return new ServiceCollection()
            .AddLogging(logging ?? (b => b.SetMinimumLevel(LogLevel.Warning)))
            .AddNewsWatch(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddSingleton(new QueueTriggerSettings { BatchSize = 8, MaxDequeueCount = maxDequeueCount, VisibilityTimeout = TimeSpan.Zero })
            .AddSingleton<RunSummaryHolder>()
            .AddSingleton<LocalRunner>()
            .BuildServiceProvider();
    }

    public static async Task<List<ArticleRecord>> ArticlesAsync(IServiceProvider services, bool withText = false)
    {
        var store = services.GetRequiredService<IArticleStore>();
        var list = new List<ArticleRecord>();
        await foreach (var a in store.ListWithoutTextAsync())
        {
            list.Add(withText ? await store.GetAsync(a.Key) ?? a : a);
        }

        return list;
    }
}
