namespace NewsWatch.Cli.Commands;

/// <summary>Every command the CLI knows. Add a new command here, in its own file under Commands/.</summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<ICliCommand> All(CliContext context) =>
    [
        new RunCommand(context),
        new StatusCommand(context),
        new EvalExtractionCommand(context),
        new ExtractCommand(context),
        new BenchExtractionCommand(context),
        new BenchStartupCommand(context),
        new BenchPipelineCommand(context),
        new AssessCommand(context),
        new EvalRelevanceCommand(context),
        new AlertsListCommand(context),
        new AlertsResendCommand(context),
        new ServeCommand(context),
        new ArticlesCommand(context),
        new ApprovalsCommand(context),
        new StoriesCommand(context),
    ];
}
