using Spectre.Console;
using NewsWatch.Reading;
using NewsWatch.Web.Api;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch articles</c>: stored articles newest first, from the article index (same query as <c>GET /api/articles</c>).</summary>
internal sealed class ArticlesCommand(CliContext context) : ICliCommand
{
    public string Name => "articles";

    public string Usage => "articles [--relevant] [--approval granted|pending|denied|none] [--since DATE] [--until DATE] [--lang L] [--limit N] [--json]   stored articles, newest first";

    public IReadOnlyList<CliOptionSpec> OptionSpecs =>
    [
        .. ReadingCommand.CommonOptions,
        CliOptionSpec.Flag("relevant", "only articles about the watched business"),
        CliOptionSpec.Value("approval", "STATUS", "granted, pending, denied or none"),
        CliOptionSpec.Value("since", "DATE", "published at or after (ISO-8601, UTC)"),
        CliOptionSpec.Value("until", "DATE", "published at or before"),
        CliOptionSpec.Value("lang", "L", "language (en, zh)"),
        CliOptionSpec.Value("feed", "ID", "only this feed's articles"),
        CliOptionSpec.Value("limit", "N", $"at most this many (default {ArticleQuery.DefaultPageSize}, up to {ArticleQuery.MaxPageSize})"),
    ];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var limit = args.GetInt("limit", ArticleQuery.DefaultPageSize);
        if (limit is < 1 or > ArticleQuery.MaxPageSize)
        {
            throw new CliUsageException($"--limit must be from 1 to {ArticleQuery.MaxPageSize}");
        }

        var query = new ArticleQuery(
            Relevant: args.Has("relevant") ? true : null,
            Approval: ReadingCommand.OneOf(args, "approval", "granted", "pending", "denied", "none"),
            FeedId: args.Get("feed"),
            Language: args.Get("lang"),
            Since: ReadingCommand.Date(args, "since"),
            Until: ReadingCommand.Date(args, "until", endOfDay: true),
            PageSize: limit);
        await using var reading = await ReadingCommand.OpenAsync(context, args, cancellationToken);
        var page = await reading.Get<IArticleIndex>().QueryAsync(query, cancellationToken);
        if (args.Has("json"))
        {
            await reading.WriteJsonAsync(new ItemsResponse<ArticleSummary>(page.Items, page.Continuation), ApiJson.Default.ItemsResponseArticleSummary);
            return 0;
        }

        var table = ReadingCommand.Table("published", "approval", "relevant", "outlet", "title", "key");
        foreach (var a in page.Items)
        {
            table.AddRow(
                ReadingCommand.Time(a.Published ?? a.ProcessedAt), ReadingCommand.Cell(a.Approval ?? "-"), ReadingCommand.Cell(a.IsRelevant ? "yes" : "no"),
                ReadingCommand.Cell(a.Outlet, 30), ReadingCommand.Cell(a.Title ?? a.Error, 90), ReadingCommand.Cell(a.Key));
        }

        table.Caption($"{page.Items.Count} articles" + (page.Continuation is null ? "" : $" (more: --limit {ArticleQuery.MaxPageSize} or the API's continuation)"));
        reading.Write(table);
        return 0;
    }
}
