using System.Text.Json.Serialization;
using NewsWatch.Pipeline;

namespace NewsWatch.Functions.Invocations;

/// <summary>Source-generated JSON for the handler's payloads (keeps the handler trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = false)]
[JsonSerializable(typeof(InvocationResponse))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(StatusReport))]
internal sealed partial class FunctionsJson : JsonSerializerContext;
