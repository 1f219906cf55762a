using NewsWatch.Alerts;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch alerts list</c>: the alert outbox, newest first, with delivery state and history.</summary>
internal sealed class AlertsListCommand(CliContext context) : ICliCommand
{
    public string Name => "alerts list";

    public string Usage => "alerts list [--config FILE] [--unsent]   the alert outbox: state, attempts, sources, delivery";

    public IReadOnlyList<CliOptionSpec> OptionSpecs => [CliOptionSpec.Config, CliOptionSpec.Flag("unsent", "only alerts not yet sent"), CliOptionSpec.Verbose];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        await using var alerts = await AlertsCommand.OpenAsync(context, args, cancellationToken);
        var records = new List<AlertRecord>();
        await foreach (var r in alerts.Outbox.ListAsync(unsentOnly: args.Has("unsent"), cancellationToken))
        {
            records.Add(r);
        }

        var output = context.Out;
        await output.WriteLineAsync($"NewsWatch alerts: {records.Count} (delivery: {alerts.Dispatcher.Destination})");
        foreach (var r in records.OrderByDescending(r => r.FirstSeenAt))
        {
            await output.WriteLineAsync($"  {r.Id}  {r.State.ToString().ToLowerInvariant(),-8} {AlertEmailComposer.SubjectLine(r)}");
            await output.WriteLineAsync($"      key {SafeText.Line(r.AlertKey)}  first seen {AlertsCommand.Time(r.FirstSeenAt)}  sources {r.Sources.Count + r.SourcesOmitted}  attempts {r.Attempts}");
            var status = r.State switch
            {
                AlertDeliveryState.Sent => $"sent {AlertsCommand.Time(r.SentAt)}: {r.DeliveryReply}",
                AlertDeliveryState.Sending => $"being sent, lease until {AlertsCommand.Time(r.LeaseUntil)}",
                AlertDeliveryState.Failed => $"gave up; resend with: newswatch alerts resend {r.Id}",
                _ => $"next attempt {AlertsCommand.Time(r.NextAttemptAt)}",
            };
            await output.WriteLineAsync($"      {status}");
            if (r.LastError is { Length: > 0 } error && r.State != AlertDeliveryState.Sent)
            {
                await output.WriteLineAsync($"      last error: {error}");
            }

            foreach (var s in r.Sources)
            {
                await output.WriteLineAsync($"      - {SafeText.Line(s.Outlet ?? s.Url.Host, 40)}  {AlertsCommand.Time(s.SeenAt)}  {s.Url.AbsoluteUri}");
            }
        }

        return 0;
    }
}
