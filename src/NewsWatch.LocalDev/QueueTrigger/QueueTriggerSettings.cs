using System.Globalization;
using System.Text.Json;

namespace NewsWatch.LocalDev.QueueTrigger;

/// <summary>
/// The <c>extensions.queues</c> settings of host.json, read by the local runner so that it treats
/// messages exactly as the Functions host would (defaults are the host's own).
/// </summary>
public sealed record QueueTriggerSettings
{
    public int BatchSize { get; init; } = 16;

    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>Delay before a failed message becomes visible again.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a received message stays hidden while it is being processed (the host uses 10 minutes).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(10);

    public static QueueTriggerSettings Load(string hostJsonPath)
    {
        using var stream = File.OpenRead(hostJsonPath);
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var settings = new QueueTriggerSettings();
        if (!doc.RootElement.TryGetProperty("extensions", out var ext) || !ext.TryGetProperty("queues", out var q))
        {
            return settings;
        }

        return settings with
        {
            BatchSize = ReadInt(q, "batchSize") ?? settings.BatchSize,
            MaxDequeueCount = ReadInt(q, "maxDequeueCount") ?? settings.MaxDequeueCount,
            VisibilityTimeout = ReadTime(q, "visibilityTimeout") ?? settings.VisibilityTimeout,
            MaxPollingInterval = ReadTime(q, "maxPollingInterval") ?? settings.MaxPollingInterval,
        };
    }

    private static int? ReadInt(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static TimeSpan? ReadTime(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && TimeSpan.TryParse(v.GetString(), CultureInfo.InvariantCulture, out var t) ? t : null;
}
