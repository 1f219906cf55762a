using System.Text.Json;

namespace NewsWatch.WorkerHarness;

/// <summary>One function as the worker reported it in its metadata response (worker indexing).</summary>
public sealed class WorkerFunction
{
    internal WorkerFunction(string name, string functionId, string entryPoint, string scriptFile, IReadOnlyList<WorkerBinding> bindings)
    {
        Name = name;
        FunctionId = functionId;
        EntryPoint = entryPoint;
        ScriptFile = scriptFile;
        Bindings = bindings;
    }

    public string Name { get; }

    /// <summary>The id the worker assigned; the host loads and invokes the function by it.</summary>
    public string FunctionId { get; }

    public string EntryPoint { get; }

    public string ScriptFile { get; }

    public IReadOnlyList<WorkerBinding> Bindings { get; }

    /// <summary>The one binding whose type ends in "Trigger".</summary>
    public WorkerBinding Trigger =>
        Bindings.SingleOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
        ?? throw new WorkerHarnessException($"function {Name} reports no trigger binding");
}

/// <summary>
/// One binding of a <see cref="WorkerFunction"/>: its raw JSON (what the host indexes) and the properties the
/// triggers here use, with <c>%setting%</c> expressions resolved against the app settings as the host does.
/// </summary>
public sealed class WorkerBinding
{
    private readonly Dictionary<string, string?> _resolved;

    internal WorkerBinding(string rawJson, string name, string type, string direction, Dictionary<string, string?> raw, Dictionary<string, string?> resolved)
    {
        RawJson = rawJson;
        Name = name;
        Type = type;
        Direction = direction;
        RawProperties = raw;
        _resolved = resolved;
    }

    public string RawJson { get; }

    public string Name { get; }

    public string Type { get; }

    /// <summary>"In", "Out" or "InOut", as written in the raw binding.</summary>
    public string Direction { get; }

    /// <summary>Every top-level property of the raw JSON as text (arrays and objects as their JSON), unresolved.</summary>
    public IReadOnlyDictionary<string, string?> RawProperties { get; }

    public string? Schedule => Resolved("schedule");

    public string? QueueName => Resolved("queueName");

    public string? Connection => Resolved("connection");

    public string? Route => Resolved("route");

    public string? AuthLevel => Resolved("authLevel");

    /// <summary>A property with its binding expressions resolved; null when the binding has no such property.</summary>
    public string? Resolved(string property) => _resolved.TryGetValue(property, out var v) ? v : null;

    internal static WorkerBinding Parse(string rawJson, IReadOnlyDictionary<string, string> settings)
    {
        using var doc = JsonDocument.Parse(rawJson);
        var raw = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            raw[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }

        var resolved = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in raw)
        {
            // Only string properties carry expressions; "methods" or "properties" stay as the worker wrote them.
            resolved[key] = doc.RootElement.GetProperty(key).ValueKind == JsonValueKind.String
                ? SettingExpressions.Resolve(value, settings)
                : value;
        }

        return new WorkerBinding(
            rawJson,
            raw.GetValueOrDefault("name") ?? throw new WorkerHarnessException($"binding without a name: {rawJson}"),
            raw.GetValueOrDefault("type") ?? throw new WorkerHarnessException($"binding without a type: {rawJson}"),
            raw.GetValueOrDefault("direction") ?? "In",
            raw,
            resolved);
    }
}
