namespace NewsWatch.Cli.Commands;

/// <summary>An option a command takes: a flag (<c>--json</c>) or one with a value (<c>--config FILE</c>).</summary>
/// <param name="ValueName">What the value is, for the help text; null for a flag.</param>
internal sealed record CliOptionSpec(string Name, string? ValueName, string Description)
{
    public bool IsFlag => ValueName is null;

    public static CliOptionSpec Flag(string name, string description) => new(name, null, description);

    public static CliOptionSpec Value(string name, string valueName, string description) => new(name, valueName, description);

    public static readonly CliOptionSpec Config = Value("config", "FILE", "configuration file (default: newswatch.json beside the executable)");

    public static readonly CliOptionSpec Json = Flag("json", "print JSON for scripts instead of text");

    public static readonly CliOptionSpec Verbose = Flag("verbose", "log more");
}

/// <summary>The positional words a command takes (<c>&lt;file|url&gt;...</c>).</summary>
/// <param name="Many">True when any number may be given (the command checks that there is at least one).</param>
internal sealed record CliArgumentSpec(string Name, string Description, bool Many = false, bool Optional = false);
