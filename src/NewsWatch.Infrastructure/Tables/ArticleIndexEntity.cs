using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using NewsWatch.Articles;
using NewsWatch.Assessment;
using NewsWatch.Reading;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>Maps an <see cref="ArticleSummary"/> to the index row that every index partition stores.</summary>
internal static class ArticleIndexEntity
{
    public static TableEntity ToEntity(string partition, string row, ArticleSummary a)
    {
        var e = new TableEntity(partition, row)
        {
            ["Key"] = a.Key,
            ["Url"] = a.Url.AbsoluteUri,
            ["CanonicalUrl"] = a.CanonicalUrl?.AbsoluteUri,
            ["FeedId"] = a.FeedId,
            ["Status"] = a.Status.ToString(),
            ["Error"] = a.Error,
            ["Title"] = a.Title,
            ["Published"] = a.Published,
            ["ProcessedAt"] = a.ProcessedAt,
            ["SortTime"] = a.SortTime,
            ["Language"] = a.Language,
            ["LanguageBase"] = ArticleQuery.LanguageBase(a.Language),
            ["SiteName"] = a.SiteName,
            ["IsRelevant"] = a.IsRelevant,
            ["RelevanceScore"] = a.RelevanceScore,
            ["Approval"] = a.Approval ?? "none",
            ["Regulator"] = a.Regulator,
            ["EventKeys"] = string.Join('\n', a.EventKeys),
            ["StoryId"] = a.StoryId,
        };
        EntityText.Write(e, "Reasons", JsonSerializer.Serialize(a.Reasons, ArticleIndexJson.Default.IReadOnlyListAssessmentReason), maxChunks: 4);
        e.RemoveNullProperties();
        return e;
    }

    public static ArticleSummary FromEntity(TableEntity e) => new()
    {
        Key = e.GetString("Key") ?? "",
        Url = new Uri(e.GetString("Url")!),
        CanonicalUrl = e.GetString("CanonicalUrl") is { } c ? new Uri(c) : null,
        FeedId = e.GetString("FeedId") ?? "",
        Status = Enum.TryParse<ArticleStatus>(e.GetString("Status"), out var s) ? s : ArticleStatus.Failed,
        Error = e.GetString("Error"),
        Title = e.GetString("Title"),
        Published = e.GetDateTimeOffset("Published"),
        ProcessedAt = e.GetDateTimeOffset("ProcessedAt") ?? DateTimeOffset.MinValue,
        Language = e.GetString("Language"),
        SiteName = e.GetString("SiteName"),
        IsRelevant = e.GetBoolean("IsRelevant") ?? false,
        RelevanceScore = e.GetDouble("RelevanceScore") ?? 0,
        Approval = e.GetString("Approval") is { } ap and not "none" ? ap : null,
        Regulator = e.GetString("Regulator"),
        EventKeys = (e.GetString("EventKeys") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
        StoryId = e.GetString("StoryId"),
        Reasons = ReadReasons(e),
    };

    private static IReadOnlyList<AssessmentReason> ReadReasons(TableEntity e)
    {
        try
        {
            return e.ContainsKey("Reasons")
                ? JsonSerializer.Deserialize(EntityText.Read(e, "Reasons"), ArticleIndexJson.Default.IReadOnlyListAssessmentReason) ?? []
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<AssessmentReason>))]
internal sealed partial class ArticleIndexJson : JsonSerializerContext;
