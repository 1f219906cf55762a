using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsWatch.Articles;
using NewsWatch.Assessment;
using NewsWatch.Extraction;
using NewsWatch.Feeds;
using NewsWatch.Fetching;
using NewsWatch.Infrastructure.Alerts;
using NewsWatch.Infrastructure.Fetching;
using NewsWatch.Infrastructure.Queues;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.Infrastructure.Tables;
using NewsWatch.Pipeline;
using NewsWatch.Reading;
using NewsWatch.Stories;

namespace NewsWatch.Infrastructure.Composition;

/// <summary>Registers the pipeline and its adapters; shared by the Functions handler and the CLI.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddNewsWatch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>());
        services.AddOptions<ExtractionOptions>().Bind(configuration.GetSection("NewsWatch:Extraction"));
        services.AddSingleton<IOptions<WatchSubjectOptions>>(_ =>
        {
            // No "WatchSubject" section means the default subject, Xiaomi's EV business.
            var configured = configuration.GetSection(WatchSubjectOptions.SectionName).Get<WatchSubjectOptions>();
            return Options.Create(configured is null || configured.IsEmpty ? WatchSubjectOptions.XiaomiEv() : configured);
        });
        services.AddOptions<StoryOptions>().Bind(configuration.GetSection("NewsWatch:" + StoryOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoryOptions>, StoryOptionsAnnotationsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoryOptions>, StoryOptionsValidator>());

        services.AddNewsWatchFetching(configuration);

        services.AddSingleton<FeedParser>();
        services.AddSingleton<FeedReader>();
        services.AddSingleton<ArticleFetcher>();
        services.AddSingleton<IArticleExtractor, ArticleExtractor>();
        services.AddSingleton<IArticleAssessor, ArticleAssessor>();
        services.AddSingleton<StoryFingerprinter>();
        services.AddSingleton(sp => new StoryLexicon(
            sp.GetRequiredService<IOptions<WatchSubjectOptions>>().Value, sp.GetRequiredService<IOptions<StoryOptions>>().Value));
        services.AddSingleton<StoryEvidenceReader>();
        services.AddSingleton<StoryMatcher>();
        services.AddSingleton<PollFeedsJob>();
        services.AddSingleton<ProcessArticleJob>();
        services.AddSingleton<StatusReporter>();
        services.AddSingleton<ArticleReader>();
        services.AddSingleton<ApprovalTimeline>();
        services.AddSingleton<FeedHealth>();

        // Temporary: replaced by the story index's catalog when it lands (see ArticleIndexStoryCatalog).

        services.AddNewsWatchAlerts(configuration);
        services.AddNewsWatchStorage(configuration);
        services.AddSingleton<IArticleQueue>(sp => new StorageArticleQueue(Storage(sp).ArticlesQueue));
        services.AddSingleton(sp => new TableArticleIndex(Storage(sp).Table(Storage(sp).Options.ArticleIndexTableName)));
        services.AddSingleton<IArticleIndex>(sp => sp.GetRequiredService<TableArticleIndex>());
        services.AddSingleton<IArticleStore>(sp => new TableArticleStore(
            Storage(sp).Table(Storage(sp).Options.ArticlesTable), sp.GetRequiredService<TableArticleIndex>()));
        services.AddSingleton<IFeedStateStore>(sp => new TableFeedStateStore(Storage(sp).Table(Storage(sp).Options.FeedsTable)));
        services.AddSingleton<IFeedItemLedger>(sp => new TableFeedItemLedger(Storage(sp).Table(Storage(sp).Options.FeedItemsTable)));
        services.AddSingleton(sp => new TableStoryIndex(
            Storage(sp).Table(Storage(sp).Options.StoriesTable), sp.GetRequiredService<StoryMatcher>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<TableStoryIndex>>()));
        services.AddSingleton<IStoryIndex>(sp => sp.GetRequiredService<TableStoryIndex>());
        services.AddSingleton<IStoryCatalog>(sp => sp.GetRequiredService<TableStoryIndex>());
        return services;
    }

    private static StorageClients Storage(IServiceProvider sp) => sp.GetRequiredService<StorageClients>();
}
