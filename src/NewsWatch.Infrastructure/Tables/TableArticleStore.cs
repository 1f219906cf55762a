using System.Runtime.CompilerServices;
using System.Text.Json;
using NewsWatch.Articles;
using Azure.Data.Tables;
using NewsWatch.Assessment;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>
/// Articles in the <c>articles</c> table. PartitionKey is the first two hex digits of the key, which
/// spreads writes over 256 partitions while a point read still needs only the key. Every save also keeps the
/// article's rows in the <see cref="TableArticleIndex"/>, which is what lists and counts read.
/// </summary>
public sealed class TableArticleStore(TableClient table, TableArticleIndex index) : IArticleStore
{
    private static readonly string[] IndexedColumns = ["Status", "IndexSortTime", "IsRelevant", "StoryId"];

    private static readonly string[] SummaryColumns =
    [
        "PartitionKey", "RowKey", "Url", "CanonicalUrl", "FeedId", "ItemId", "Status", "Error", "Title", "Published", "Updated", "Language", "SiteName",
        "ContentHash", "ProcessedAt", "IsRelevant", "Approval", "Regulator", "EventKeys", "StoryId",
    ];

    public async Task<ArticleRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(key), key, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task SaveAsync(ArticleRecord article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var before = await IndexedAsAsync(article.Key, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(article), TableUpdateMode.Replace, cancellationToken);
        await index.RecordAsync(article, before, cancellationToken);
    }

    public async Task SaveAsync(ArticleRecord article, ArticleRecord? stored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var before = stored is null
            ? null
            : new IndexedAs(stored.Status, stored.Published ?? stored.ProcessedAt, stored.Assessment?.Relevance.IsRelevant ?? false, stored.StoryId);
        await table.UpsertEntityAsync(ToEntity(article), TableUpdateMode.Replace, cancellationToken);
        await index.RecordAsync(article, before, cancellationToken);
    }

    /// <summary>Where the stored version of the article sits in the index (a point read of four columns).</summary>
    private async Task<IndexedAs?> IndexedAsAsync(string key, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(key), key, IndexedColumns, cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var e = response.Value!;
        return e.GetDateTimeOffset("IndexSortTime") is { } sortTime
            ? new IndexedAs(
                Enum.TryParse<ArticleStatus>(e.GetString("Status"), out var s) ? s : ArticleStatus.Failed, sortTime,
                e.GetBoolean("IsRelevant") ?? false, e.GetString("StoryId"))
            : null;
    }

    public async IAsyncEnumerable<ArticleRecord> ListWithoutTextAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(select: SummaryColumns, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    private static string PartitionOf(string key) => key[..2];

    /// <summary>An assessment too large for its share of the entity was cut when written; the summary columns remain.</summary>
    private static ArticleAssessment? ReadAssessment(TableEntity e)
    {
        if (!e.ContainsKey("Assessment"))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(EntityText.Read(e, "Assessment"), AssessmentJson.Default.ArticleAssessment);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static TableEntity ToEntity(ArticleRecord a)
    {
        var e = new TableEntity(PartitionOf(a.Key), a.Key)
        {
            ["Url"] = a.Url.AbsoluteUri,
            ["CanonicalUrl"] = a.CanonicalUrl?.AbsoluteUri,
            ["FeedId"] = a.FeedId,
            ["ItemId"] = a.ItemId,
            ["Status"] = a.Status.ToString(),
            ["Error"] = a.Error,
            ["Title"] = a.Title,
            ["Published"] = a.Published,
            ["Updated"] = a.Updated,
            ["Authors"] = string.Join('\n', a.Authors),
            ["Language"] = a.Language,
            ["SiteName"] = a.SiteName,
            ["ImageUrl"] = a.ImageUrl?.AbsoluteUri,
            ["Description"] = a.Description,
            ["ContentHash"] = a.ContentHash,
            ["ProcessedAt"] = a.ProcessedAt,
            ["IndexSortTime"] = a.Published ?? a.ProcessedAt,
        };
        EntityText.Write(e, "Text", a.Text, maxChunks: 12);
        if (a.Assessment is { } assessment)
        {
            // Queryable summary columns beside the full assessment (reasons and evidence sentences) as JSON.
            e["IsRelevant"] = assessment.Relevance.IsRelevant;
            e["RelevanceScore"] = assessment.Relevance.Score;
            e["Approval"] = assessment.ApprovalStatusForArticle?.ToString().ToLowerInvariant() ?? "none";
            e["Regulator"] = assessment.PrimaryEvent?.Regulator;
            e["EventKeys"] = string.Join('\n', assessment.Events.Select(ev => ev.Key));
            EntityText.Write(e, "Assessment", JsonSerializer.Serialize(assessment, AssessmentJson.Default.ArticleAssessment), maxChunks: 3);
        }

        e["StoryId"] = a.StoryId;
        e.RemoveNullProperties();
        return e;
    }

    internal static ArticleRecord FromEntity(TableEntity e) => new()
    {
        Key = e.RowKey,
        Url = new Uri(e.GetString("Url")!),
        CanonicalUrl = e.GetString("CanonicalUrl") is { } c ? new Uri(c) : null,
        FeedId = e.GetString("FeedId") ?? "",
        ItemId = e.GetString("ItemId") ?? "",
        Status = Enum.TryParse<ArticleStatus>(e.GetString("Status"), out var s) ? s : ArticleStatus.Failed,
        Error = e.GetString("Error"),
        Title = e.GetString("Title"),
        Text = EntityText.Read(e, "Text"),
        Published = e.GetDateTimeOffset("Published"),
        Updated = e.GetDateTimeOffset("Updated"),
        Authors = (e.GetString("Authors") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
        Language = e.GetString("Language"),
        SiteName = e.GetString("SiteName"),
        ImageUrl = e.GetString("ImageUrl") is { } i ? new Uri(i) : null,
        Description = e.GetString("Description"),
        ContentHash = e.GetString("ContentHash"),
        ProcessedAt = e.GetDateTimeOffset("ProcessedAt") ?? DateTimeOffset.MinValue,
        Assessment = ReadAssessment(e),
        StoryId = e.GetString("StoryId"),
    };
}
