namespace NewsWatch.Cli.Commands;

/// <summary>One verb of the <c>newswatch</c> command line, e.g. "run" or "eval extraction".</summary>
internal interface ICliCommand
{
    /// <summary>The words that select this command, space separated ("bench extraction").</summary>
    string Name { get; }

    /// <summary>One line for the usage listing, including the arguments it takes.</summary>
    string Usage { get; }

    Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken);
}
