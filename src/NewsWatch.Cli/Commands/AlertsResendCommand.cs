using NewsWatch.Alerts;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch alerts resend &lt;key&gt;</c>: sends one alert again, on purpose, now.</summary>
internal sealed class AlertsResendCommand(CliContext context) : ICliCommand
{
    public string Name => "alerts resend";

    public string Usage => "alerts resend <key>|--key KEY [--config FILE]   send one alert again now (id, id prefix, alert key or event key)";

    public IReadOnlyList<CliOptionSpec> OptionSpecs => [CliOptionSpec.Config, CliOptionSpec.Value("key", "KEY", "the alert (instead of the positional key)"), CliOptionSpec.Verbose];

    public CliArgumentSpec? Argument => new("alert", "id, id prefix, alert key or event key (see newswatch alerts list)", Optional: true);

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var key = args.Get("key") ?? args.RequirePositional(0, "the alert's key (see newswatch alerts list)");
        await using var alerts = await AlertsCommand.OpenAsync(context, args, cancellationToken);
        var alert = await alerts.FindOneAsync(key, cancellationToken);
        var result = await alerts.Dispatcher.ResendAsync(alert.Id, cancellationToken);
        var subject = AlertEmailComposer.SubjectLine(alert);
        switch (result.Outcome)
        {
            case AlertSendOutcome.Sent:
                await context.Out.WriteLineAsync($"resent alert {alert.Id} \"{subject}\" via {alerts.Dispatcher.Destination}: {result.Record?.DeliveryReply}");
                return 0;
            case AlertSendOutcome.Failed:
                await context.Error.WriteLineAsync($"alert {alert.Id} could not be sent: {result.Record?.LastError}");
                await context.Error.WriteLineAsync($"it stays pending; the next sweep retries it at {AlertsCommand.Time(result.Record?.NextAttemptAt)}");
                return 1;
            default:
                await context.Error.WriteLineAsync(
                    $"alert {alert.Id} is being sent by another instance right now (lease until {AlertsCommand.Time(result.Record?.LeaseUntil)}); try again after that");
                return 1;
        }
    }
}
