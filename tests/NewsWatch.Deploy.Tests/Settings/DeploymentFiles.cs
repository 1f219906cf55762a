using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsWatch.Deploy.Tests.Settings;

/// <summary>One assignment "name: value" found in a Bicep file (object property or app setting).</summary>
internal sealed record BicepAssignment(string File, int Line, string Name, string Value);

/// <summary>
/// Reads the deployment files the way the cross-check needs them. Bicep cannot be compiled on the build machine, so
/// the infra is read as text: every object property "name: value" (quoted or not) in infra/**/*.bicep, and the
/// literal values of "var x = '...'" so that a setting assigned from a variable can be compared with the code.
/// </summary>
internal static partial class DeploymentFiles
{
    public static string InfraDirectory => Path.Combine(RepoRoot.Path, "infra");

    public static string LocalSettingsExample => Path.Combine(RepoRoot.Path, "local.settings.json.example");

    public static IReadOnlyList<string> BicepFiles =>
        Directory.EnumerateFiles(InfraDirectory, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<BicepAssignment> BicepAssignments()
    {
        var result = new List<BicepAssignment>();
        foreach (var file in BicepFiles)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = StripComment(lines[i]);
                var m = Assignment().Match(code);
                if (m.Success)
                {
                    result.Add(new BicepAssignment(Path.GetRelativePath(RepoRoot.Path, file), i + 1, m.Groups["name"].Value, m.Groups["value"].Value.Trim()));
                }
            }
        }

        return result;
    }

    /// <summary>App-setting-shaped names assigned anywhere in infra/, normalised (indexes and "${i}" as "0").</summary>
    public static IReadOnlySet<string> InfraSettingNames() =>
        BicepAssignments().Select(a => SettingNames.Normalize(a.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>"var name = 'literal'" in every infra file (names are unique across our few files).</summary>
    public static IReadOnlyDictionary<string, string> BicepStringVariables()
    {
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in BicepFiles)
        {
            foreach (Match m in StringVariable().Matches(File.ReadAllText(file)))
            {
                vars[m.Groups["name"].Value] = m.Groups["value"].Value;
            }
        }

        return vars;
    }

    /// <summary>The literal a Bicep value expression stands for: 'text' itself, or a variable holding a literal.</summary>
    public static string? ResolveLiteral(string expression, IReadOnlyDictionary<string, string> variables)
    {
        var e = expression.Trim();
        if (e.Length >= 2 && e[0] == '\'' && e[^1] == '\'' && !e.Contains("${", StringComparison.Ordinal))
        {
            return e[1..^1];
        }

        return variables.TryGetValue(e, out var v) ? v : null;
    }

    /// <summary>The "Values" of local.settings.json.example by normalised name (list entries share one name; the first value is kept).</summary>
    public static IReadOnlyDictionary<string, string?> LocalSettingsValues()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(LocalSettingsExample));
        return doc.RootElement.GetProperty("Values").EnumerateObject()
            .GroupBy(p => SettingNames.Normalize(p.Name), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Value.ValueKind == JsonValueKind.String ? g.First().Value.GetString() : g.First().Value.GetRawText(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The functions.metadata that the Worker SDK generates from the function classes at build time (copied next to
    /// these tests by their project file): what the Functions host indexes, with each binding as a property map.
    /// </summary>
    public static IReadOnlyList<FunctionDefinition> Functions() => ReadFunctionsMetadata(Path.Combine(AppContext.BaseDirectory, "functions.metadata"));

    public static IReadOnlyList<FunctionDefinition> ReadFunctionsMetadata(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing: the Functions project must be built first");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray()
            .Select(f => new FunctionDefinition(
                f.GetProperty("name").GetString()!,
                f.GetProperty("bindings").EnumerateArray()
                    .Select(b => b.EnumerateObject().ToDictionary(
                        p => p.Name,
                        p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(),
                        StringComparer.OrdinalIgnoreCase))
                    .ToList()))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"%Name%" app-setting references inside a binding value, as app setting names ("A:B" becomes "A__B").</summary>
    public static IEnumerable<string> SettingReferences(string value) =>
        PercentReference().Matches(value).Select(m => m.Groups["name"].Value.Replace(":", "__", StringComparison.Ordinal));

    private static string StripComment(string line)
    {
        // Bicep line comments; "//" inside a quoted string (a URL) is not a comment.
        var inString = false;
        for (var i = 0; i < line.Length - 1; i++)
        {
            if (line[i] == '\'')
            {
                inString = !inString;
            }
            else if (!inString && line[i] == '/' && line[i + 1] == '/')
            {
                return line[..i];
            }
        }

        return line;
    }

    [GeneratedRegex(@"^\s*'?(?<name>[A-Za-z_][A-Za-z0-9_]*(?:\$\{[^}]+\}[A-Za-z0-9_]*)*)'?\s*:\s*(?<value>.*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^\s*var\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*'(?<value>[^'$]*)'\s*$", RegexOptions.Multiline)]
    private static partial Regex StringVariable();

    [GeneratedRegex("%(?<name>[A-Za-z_][A-Za-z0-9_:]*)%")]
    private static partial Regex PercentReference();
}

/// <summary>A function as the host indexes it: its name and its bindings as property maps.</summary>
internal sealed record FunctionDefinition(string Name, IReadOnlyList<IReadOnlyDictionary<string, string>> Bindings)
{
    public IReadOnlyDictionary<string, string> Trigger =>
        Bindings.Single(b => b["type"].EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
}
