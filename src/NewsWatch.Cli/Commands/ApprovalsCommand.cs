using Spectre.Console;
using NewsWatch.Reading;
using NewsWatch.Web.Api;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch approvals</c>: the approval timeline with sources and alert delivery (same as <c>GET /api/approvals</c>).</summary>
internal sealed class ApprovalsCommand(CliContext context) : ICliCommand
{
    public string Name => "approvals";

    public string Usage => "approvals [--status granted|pending|denied] [--json]   approval events, newest first, with sources and alert delivery";

    public IReadOnlyList<CliOptionSpec> OptionSpecs =>
        [.. ReadingCommand.CommonOptions, CliOptionSpec.Value("status", "STATUS", "granted, pending or denied")];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var status = ReadingCommand.OneOf(args, "status", "granted", "pending", "denied");
        await using var reading = await ReadingCommand.OpenAsync(context, args, cancellationToken);
        var items = await reading.Get<ApprovalTimeline>().ListAsync(status, cancellationToken);
        if (args.Has("json"))
        {
            await reading.WriteJsonAsync(new ItemsResponse<ApprovalEntry>(items), ApiJson.Default.ItemsResponseApprovalEntry);
            return 0;
        }

        var table = ReadingCommand.Table("first seen", "status", "regulator", "kind", "subject", "sources", "alert");
        foreach (var e in items)
        {
            table.AddRow(
                ReadingCommand.Time(e.FirstSeen), ReadingCommand.Cell(e.Status), ReadingCommand.Cell(e.Regulator), ReadingCommand.Cell(e.Kind),
                ReadingCommand.Cell(e.Subject, 40),
                ReadingCommand.Cell(string.Join("; ", e.Sources.Select(s => s.Outlet ?? s.Url.Host)) + (e.SourcesOmitted > 0 ? $" +{e.SourcesOmitted}" : ""), 80),
                ReadingCommand.Cell(e.Delivery.State.ToString().ToLowerInvariant()));
        }

        table.Caption($"{items.Count} approval events");
        reading.Write(table);
        return 0;
    }
}
