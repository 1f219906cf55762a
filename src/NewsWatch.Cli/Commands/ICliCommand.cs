namespace NewsWatch.Cli.Commands;

/// <summary>One verb of the <c>newswatch</c> command line, e.g. "run" or "eval extraction".</summary>
internal interface ICliCommand
{
    /// <summary>The words that select this command, space separated ("bench extraction").</summary>
    string Name { get; }

    /// <summary>The synopsis and, after three spaces, what it does; the latter is the command's help text.</summary>
    string Usage { get; }

    /// <summary>Every option it accepts; System.CommandLine refuses any other.</summary>
    IReadOnlyList<CliOptionSpec> OptionSpecs { get; }

    /// <summary>Its positional words, if it takes any.</summary>
    CliArgumentSpec? Argument => null;

    Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken);
}
