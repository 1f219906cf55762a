using System.Text.Json;
using System.Text.Json.Serialization;
using NewsWatch.Alerts;
using NewsWatch.Infrastructure.Tables;
using Azure.Data.Tables;

namespace NewsWatch.Infrastructure.Alerts;

/// <summary>
/// An <see cref="AlertRecord"/> as a Table entity: PartitionKey "alert" (a few alerts a day fit one partition,
/// and listing them is then one partition scan), RowKey the alert id. Sources are stored as JSON, split over
/// several properties if long (<see cref="EntityText"/>). States are lower-case words so the table reads well in
/// a storage explorer.
/// </summary>
internal static class AlertEntityMapper
{
    public const string Partition = "alert";
    public const string StateProperty = "State";

    public static string StateName(AlertDeliveryState state) => state switch
    {
        AlertDeliveryState.Pending => "pending",
        AlertDeliveryState.Sending => "sending",
        AlertDeliveryState.Sent => "sent",
        AlertDeliveryState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static TableEntity ToEntity(AlertRecord r)
    {
        var e = new TableEntity(Partition, r.Id)
        {
            ["AlertKey"] = r.AlertKey,
            ["EventKey"] = r.EventKey,
            ["Subject"] = r.Subject,
            ["Regulator"] = r.Regulator,
            ["Kind"] = r.Kind,
            ["Status"] = r.Status,
            ["Evidence"] = r.Evidence,

            // Optional since headlines and models came in; rows written before simply lack them.
            ["Headline"] = r.Headline,
            ["Model"] = r.Model,
            ["Batch"] = r.Batch,
            ["Confidence"] = r.Confidence,
            ["Priority"] = r.Priority == AlertPriority.Low ? "low" : "normal",
            ["FirstSeenAt"] = r.FirstSeenAt,
            ["SourcesOmitted"] = r.SourcesOmitted,
            [StateProperty] = StateName(r.State),
            ["Attempts"] = r.Attempts,
            ["NextAttemptAt"] = r.NextAttemptAt,
            ["LastAttemptAt"] = r.LastAttemptAt,
            ["LastError"] = r.LastError,
            ["LeaseId"] = r.LeaseId,
            ["LeaseUntil"] = r.LeaseUntil,
            ["SentAt"] = r.SentAt,
            ["DeliveryReply"] = r.DeliveryReply,
            ["Deliveries"] = r.Deliveries,
            ["Resends"] = r.Resends,
        };
        EntityText.Write(e, "Sources", JsonSerializer.Serialize([.. r.Sources], AlertJson.Default.ListAlertSource));
        e.RemoveNullProperties();
        return e;
    }

    public static AlertRecord FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        AlertKey = e.GetString("AlertKey") ?? string.Empty,
        EventKey = e.GetString("EventKey") ?? string.Empty,
        Subject = e.GetString("Subject") ?? string.Empty,
        Regulator = e.GetString("Regulator") ?? string.Empty,
        Kind = e.GetString("Kind") ?? string.Empty,
        Status = e.GetString("Status") ?? string.Empty,
        Evidence = e.GetString("Evidence") ?? string.Empty,
        Headline = e.GetString("Headline"),
        Model = e.GetString("Model"),
        Batch = e.GetString("Batch"),
        Confidence = e.GetDouble("Confidence"),
        Priority = e.GetString("Priority") == "low" ? AlertPriority.Low : AlertPriority.Normal,
        FirstSeenAt = e.GetDateTimeOffset("FirstSeenAt") ?? DateTimeOffset.MinValue,
        Sources = JsonSerializer.Deserialize(EntityText.Read(e, "Sources") is { Length: > 0 } json ? json : "[]", AlertJson.Default.ListAlertSource) ?? [],
        SourcesOmitted = e.GetInt32("SourcesOmitted") ?? 0,
        State = ParseState(e.GetString(StateProperty)),
        Attempts = e.GetInt32("Attempts") ?? 0,
        NextAttemptAt = e.GetDateTimeOffset("NextAttemptAt") ?? DateTimeOffset.MinValue,
        LastAttemptAt = e.GetDateTimeOffset("LastAttemptAt"),
        LastError = e.GetString("LastError"),
        LeaseId = e.GetString("LeaseId"),
        LeaseUntil = e.GetDateTimeOffset("LeaseUntil"),
        SentAt = e.GetDateTimeOffset("SentAt"),
        DeliveryReply = e.GetString("DeliveryReply"),
        Deliveries = e.GetInt32("Deliveries") ?? 0,
        Resends = e.GetInt32("Resends") ?? 0,
        Version = e.ETag.ToString() is { Length: > 0 } etag ? etag : null,
    };

    private static AlertDeliveryState ParseState(string? state) => state switch
    {
        "pending" => AlertDeliveryState.Pending,
        "sending" => AlertDeliveryState.Sending,
        "sent" => AlertDeliveryState.Sent,
        "failed" => AlertDeliveryState.Failed,

        // Unknown words come only from a newer version; treating them as pending errs towards delivering.
        _ => AlertDeliveryState.Pending,
    };
}

[JsonSerializable(typeof(List<AlertSource>))]
internal sealed partial class AlertJson : JsonSerializerContext;
