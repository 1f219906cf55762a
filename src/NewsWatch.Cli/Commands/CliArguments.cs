using System.CommandLine;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// What System.CommandLine parsed for one command, by option name: the commands read <c>--name</c> values and
/// positionals through this small view, so they do not depend on the parser's types.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options;

    private CliArguments(IReadOnlyList<string> positionals, Dictionary<string, string?> options)
    {
        Positionals = positionals;
        _options = options;
    }

    public IReadOnlyList<string> Positionals { get; }

    public static CliArguments From(ParseResult parsed, IEnumerable<(CliOptionSpec Spec, Option Option)> options, Argument? argument)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (spec, option) in options)
        {
            if (spec.IsFlag && parsed.GetValue((Option<bool>)option))
            {
                values[spec.Name] = null;
            }
            else if (!spec.IsFlag && parsed.GetValue((Option<string>)option) is { } value)
            {
                values[spec.Name] = value;
            }
        }

        IReadOnlyList<string> positionals = argument switch
        {
            Argument<string[]> many => parsed.GetValue(many) ?? [],
            Argument<string> one => parsed.GetValue(one) is { } value ? [value] : [],
            _ => [],
        };
        return new CliArguments(positionals, values);
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public string Require(string name) =>
        Get(name) ?? throw new CliUsageException($"option --{name} is required");

    public string RequirePositional(int index, string what) =>
        index < Positionals.Count ? Positionals[index] : throw new CliUsageException($"missing {what}");

    public int GetInt(string name, int fallback) =>
        Get(name) is { } s
            ? int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new CliUsageException($"--{name} takes a whole number, not '{s}'")
            : fallback;
}

/// <summary>A mistake in how the command was called; printed with the usage, exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
