namespace NewsWatch.Infrastructure.Storage;

/// <summary>
/// What the pipeline's queues and tables are called (section <c>NewsWatch:Storage</c>). Where the account is comes
/// from the Functions host's own setting, <see cref="StorageConnection"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "NewsWatch:Storage";

    /// <summary>The queue ProcessArticle listens to; the trigger reads the same setting (<c>%NewsWatch:Storage:ArticlesQueue%</c>).</summary>
    public string ArticlesQueue { get; set; } = "articles";

    public string ArticlesTable { get; set; } = "articles";

    public string FeedsTable { get; set; } = "feeds";

    public string FeedItemsTable { get; set; } = "feeditems";

    public string StoriesTable { get; set; } = "stories";

    /// <summary>The article index (lists, counters); unset means the articles table's name + "index", so it follows that name.</summary>
    public string? ArticleIndexTable { get; set; }

    public string ArticleIndexTableName => ArticleIndexTable is { Length: > 0 } name ? name : ArticlesTable + "index";
}
