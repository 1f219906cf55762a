using System.Text.Json.Serialization;
using NewsWatch.Pipeline;

namespace NewsWatch.Cli.Commands;

/// <summary>Source-generated JSON for the CLI's <c>--json</c> outputs.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusReport))]
internal sealed partial class CliJson : JsonSerializerContext;
