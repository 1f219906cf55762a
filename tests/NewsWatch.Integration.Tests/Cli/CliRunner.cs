using NewsWatch.Cli.Commands;

namespace NewsWatch.Integration.Tests.Cli;

/// <summary>Runs the CLI in-process, as <c>Program</c> does, with its output captured and paths resolved from a test folder.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(string workingFolder, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, workingFolder);
        var code = await CommandDispatcher.RunAsync(CommandCatalog.All(context), args, context, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
