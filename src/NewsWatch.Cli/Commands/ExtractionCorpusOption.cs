using NewsWatch.Evaluation.Extraction;
using NewsWatch.Benchmarks.Extraction;
using NewsWatch.Benchmarks.Measurement;

namespace NewsWatch.Cli.Commands;

/// <summary>The <c>--corpus DIR</c> of the extraction commands: a gold corpus (html/&lt;id&gt;.html.gz + ground-truth.json).</summary>
internal static class ExtractionCorpusOption
{
    /// <summary>The folder given with --corpus, resolved against the working directory; the option is required.</summary>
    public static string Resolve(CliContext context, CliArguments args) => context.ResolvePath(args.Require("corpus"));

    /// <summary>The corpus's pages, or null once the user has been told why it cannot be read (the command exits 1).</summary>
    public static async Task<IReadOnlyList<CorpusPage>?> LoadAsync(CliContext context, string commandName, string corpus)
    {
        try
        {
            return ExtractionCorpus.Load(corpus);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or System.Text.Json.JsonException)
        {
            await context.Error.WriteLineAsync($"newswatch {commandName}: {ex.Message}");
            return null;
        }
    }
}
