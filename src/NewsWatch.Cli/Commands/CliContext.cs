namespace NewsWatch.Cli.Commands;

/// <summary>What every command may need from the process it runs in.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, string workingDirectory)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Relative paths given on the command line resolve against this folder.</summary>
    public string WorkingDirectory { get; } = workingDirectory;

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
