using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsWatch.Alerts;
using NewsWatch.Articles;
using NewsWatch.Assessment;
using NewsWatch.Pipeline;
using NewsWatch.Reading;
using NewsWatch.Stories;

namespace NewsWatch.Web.Api;

/// <summary>A list answer; <paramref name="Continuation"/> (opaque) asks for the next page, null on the last one.</summary>
public sealed record ItemsResponse<T>(IReadOnlyList<T> Items, string? Continuation = null);

/// <summary>What a refused request gets back.</summary>
public sealed record ErrorResponse(string Error);

/// <summary>
/// The one JSON style of the read API: camelCase names, enum values as camelCase strings, times as ISO-8601 UTC
/// ("2023-08-23T08:30:00Z"), nulls left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcTimeConverter), typeof(CamelCaseEnum<ArticleStatus>), typeof(CamelCaseEnum<ApprovalStatus>),
        typeof(CamelCaseEnum<AlertDeliveryState>), typeof(CamelCaseEnum<FeedHealthState>)])]
[JsonSerializable(typeof(ItemsResponse<ArticleSummary>))]
[JsonSerializable(typeof(ItemsResponse<ApprovalEntry>))]
[JsonSerializable(typeof(ItemsResponse<StorySummary>))]
[JsonSerializable(typeof(ItemsResponse<FeedHealthEntry>))]
[JsonSerializable(typeof(ArticleDetail))]
[JsonSerializable(typeof(StorySummary))]
[JsonSerializable(typeof(StatusReport))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class ApiJson : JsonSerializerContext;

/// <summary>Writes every time in UTC with a Z, whatever offset it was stored with; reads any ISO-8601 time.</summary>
public sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}

/// <summary>Enum values as camelCase strings ("backingOff"), like the property names.</summary>
public sealed class CamelCaseEnum<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
