using System.Globalization;
using Microsoft.Extensions.Logging;
using NewsWatch.Cli.Local;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.Pipeline;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch status</c>: how every feed is doing and what has been stored (same data as the Status function).</summary>
internal sealed class StatusCommand(CliContext context) : ICliCommand
{
    public string Name => "status";

    public string Usage => "status [--config FILE] [--json]   feed health and article counts from Table Storage";

    public IReadOnlyList<CliOptionSpec> OptionSpecs => [CliOptionSpec.Config, CliOptionSpec.Json];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        await using var services = await LocalServices.BuildAsync(
            new LocalServicesSetup
            {
                ConfigFile = args.Get("config") is { } c ? context.ResolvePath(c) : null,
                StorageOnly = true, // the status view reads storage only
                Logging = b => b.SetMinimumLevel(LogLevel.Warning),
            },
            cancellationToken);
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        var report = await services.GetRequiredService<StatusReporter>().BuildAsync(cancellationToken);

        if (args.Has("json"))
        {
            await context.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(report, CliJson.Default.StatusReport));
            return 0;
        }

        await context.Out.WriteLineAsync($"NewsWatch status at {report.GeneratedAt:u}");
        await context.Out.WriteLineAsync($"articles: {report.Articles.Stored} stored, {report.Articles.Failed} failed");
        await context.Out.WriteLineAsync("feeds:");
        foreach (var f in report.Feeds.OrderBy(f => f.FeedId, StringComparer.Ordinal))
        {
            var polled = f.LastPolledAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never";
            await context.Out.WriteLineAsync($"  {f.FeedId,-24} {f.LastOutcome ?? "-",-13} last poll {polled}  queued {f.ItemsQueued}"
                + (f.ConsecutiveFailures > 0 ? $"  failing x{f.ConsecutiveFailures}: {f.LastError}" : "")
                + (f.NextAttemptAt is { } next ? $"  backing off until {next.ToString("u", CultureInfo.InvariantCulture)}" : ""));
        }

        return 0;
    }
}
