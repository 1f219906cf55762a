using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Cli.Local;
using NewsWatch.Infrastructure;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Pipeline;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch status</c>: how every feed is doing and what has been stored (same data as the Status function).</summary>
internal sealed class StatusCommand(CliContext context) : ICliCommand
{
    public string Name => "status";

    public string Usage => "status [--config FILE] [--json]   feed health and article counts from Table Storage";

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var configFile = args.Get("config") is { } c ? context.ResolvePath(c) : null;
        var config = LocalConfiguration.Load(configFile);
        config["NewsWatch:Sample:SeedsDirectory"] = null; // the status view reads storage only
        await using var environment = await LocalEnvironment.StartAsync(config, TextWriter.Null, cancellationToken);
        await using var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddNewsWatch(config)
            .BuildServiceProvider();
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
                + (f.ConsecutiveFailures > 0 ? $"  failing x{f.ConsecutiveFailures}: {f.LastError}" : ""));
        }

        return 0;
    }
}
