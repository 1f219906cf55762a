namespace NewsWatch.Infrastructure;

/// <summary>
/// Where the Storage account is and what the pipeline's queues and tables are called. The connection
/// follows the Functions convention: the "AzureWebJobsStorage" setting holds a connection string, or
/// "AzureWebJobsStorage__queueServiceUri"/"__tableServiceUri"/"__blobServiceUri" name the endpoints
/// for managed identity (no keys in settings).
/// </summary>
public sealed class StorageOptions
{
    public const string ConnectionSetting = "AzureWebJobsStorage";

    public string? ConnectionString { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty means the system-assigned one.</summary>
    public string? ClientId { get; set; }

    public string ArticlesQueue { get; set; } = "articles";

    public string ArticlesTable { get; set; } = "articles";

    public string FeedsTable { get; set; } = "feeds";

    public string FeedItemsTable { get; set; } = "feeditems";

    public string StoriesTable { get; set; } = "stories";
}
