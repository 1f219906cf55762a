using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsWatch.Pipeline;

/// <summary>The queue message that hands one feed item from PollFeeds to ProcessArticle.</summary>
public sealed record ArticleMessage(
    string FeedId,
    string ItemId,
    Uri Url,
    string? Title,
    DateTimeOffset? Published,
    DateTimeOffset QueuedAt)
{
    public string ToJson() => JsonSerializer.Serialize(this, PipelineJson.Default.ArticleMessage);

    /// <summary>Reads a message; anything malformed is an <see cref="InvalidMessageException"/>, never a crash.</summary>
    public static ArticleMessage Parse(string json)
    {
        ArticleMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(json, PipelineJson.Default.ArticleMessage);
        }
        catch (JsonException ex)
        {
            throw new InvalidMessageException($"article message is not valid JSON: {ex.Message}", ex);
        }

        if (message is null || string.IsNullOrEmpty(message.FeedId) || message.Url is null || !message.Url.IsAbsoluteUri)
        {
            throw new InvalidMessageException("article message lacks FeedId or an absolute Url");
        }

        return message;
    }
}

/// <summary>A queue message that can never be processed, however often it is retried.</summary>
public sealed class InvalidMessageException : Exception
{
    public InvalidMessageException(string message) : base(message) { }

    public InvalidMessageException(string message, Exception inner) : base(message, inner) { }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ArticleMessage))]
internal sealed partial class PipelineJson : JsonSerializerContext;
