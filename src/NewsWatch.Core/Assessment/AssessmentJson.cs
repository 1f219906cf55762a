using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsWatch.Assessment;

/// <summary>
/// Source-generated JSON for assessments (stored with the article, printed by the CLI) and for
/// watch-subject files. Reflection-free, so it works in the trimmed/AOT Functions host.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ArticleAssessment))]
[JsonSerializable(typeof(WatchSubjectOptions))]
public sealed partial class AssessmentJson : JsonSerializerContext
{
    /// <summary>Reads a watch-subject file (see <see cref="ReadWatchSubject"/>).</summary>
    /// <exception cref="JsonException">The file is not a watch subject.</exception>
    public static WatchSubjectOptions LoadWatchSubject(string path) => ReadWatchSubject(File.ReadAllText(path));

    /// <summary>
    /// Reads a watch subject from JSON: either the subject object itself or a configuration file
    /// holding it under "WatchSubject" (so the same file can be an appsettings fragment).
    /// </summary>
    /// <exception cref="JsonException">The JSON is not a watch subject.</exception>
    public static WatchSubjectOptions ReadWatchSubject(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(global::NewsWatch.Assessment.WatchSubjectOptions.SectionName, out var section))
        {
            root = section;
        }

        return root.Deserialize(AssessmentJson.Default.WatchSubjectOptions) ?? throw new JsonException("the watch subject is null");
    }
}
