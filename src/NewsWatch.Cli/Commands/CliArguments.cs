namespace NewsWatch.Cli.Commands;

/// <summary>
/// The words after the command name: positional values plus <c>--flag</c> and <c>--option value</c> pairs.
/// Kept deliberately small: every command reads what it needs and reports unknown input itself.
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

    public static CliArguments Parse(IEnumerable<string> words, IReadOnlySet<string> valueOptions)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var e = words.GetEnumerator();
        while (e.MoveNext())
        {
            var word = e.Current;
            if (!word.StartsWith("--", StringComparison.Ordinal) || word.Length == 2)
            {
                positionals.Add(word);
                continue;
            }

            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                options[word[2..eq]] = word[(eq + 1)..];
            }
            else if (valueOptions.Contains(word[2..]))
            {
                options[word[2..]] = e.MoveNext()
                    ? e.Current
                    : throw new CliUsageException($"option {word} needs a value");
            }
            else
            {
                options[word[2..]] = null;
            }
        }

        return new CliArguments(positionals, options);
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

    public IEnumerable<string> OptionNames => _options.Keys;
}

/// <summary>A mistake in how the command was called; printed with the usage, exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
