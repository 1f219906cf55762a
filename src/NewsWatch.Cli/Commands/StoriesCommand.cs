using Spectre.Console;
using NewsWatch.Stories;
using NewsWatch.Web.Api;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch stories</c>: stories with their sources across outlets and languages (same as <c>GET /api/stories</c>).</summary>
internal sealed class StoriesCommand(CliContext context) : ICliCommand
{
    public string Name => "stories";

    public string Usage => "stories [--since DATE] [--json]   stories seen since DATE (default: the 30 days up to the newest article), with their sources";

    public IReadOnlyList<CliOptionSpec> OptionSpecs =>
        [.. ReadingCommand.CommonOptions, CliOptionSpec.Value("since", "DATE", "seen at or after (ISO-8601, UTC; default 30 days before the newest article)")];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        await using var reading = await ReadingCommand.OpenAsync(context, args, cancellationToken);
        var since = ReadingCommand.Date(args, "since")
            ?? await StoriesEndpoint.DefaultSinceAsync(reading.Get<NewsWatch.Reading.IArticleIndex>(), TimeProvider.System, cancellationToken);
        var items = new List<StorySummary>();
        await foreach (var story in reading.Get<IStoryCatalog>().ListAsync(since, cancellationToken))
        {
            items.Add(story);
        }

        if (args.Has("json"))
        {
            await reading.WriteJsonAsync(new ItemsResponse<StorySummary>(items), ApiJson.Default.ItemsResponseStorySummary);
            return 0;
        }

        var table = ReadingCommand.Table("last seen", "story", "title", "sources", "outlets", "languages");
        foreach (var s in items)
        {
            table.AddRow(
                ReadingCommand.Time(s.LastSeen), ReadingCommand.Cell(s.Id), ReadingCommand.Cell(s.Title, 80), ReadingCommand.Cell(s.Sources.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ReadingCommand.Cell(string.Join(", ", s.Outlets), 60), ReadingCommand.Cell(string.Join(", ", s.Languages)));
        }

        table.Caption($"{items.Count} stories");
        reading.Write(table);
        return 0;
    }
}
