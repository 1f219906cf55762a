using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Cli.Local;
using NewsWatch.LocalDev.QueueTrigger;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch run</c>: the Functions app's two functions, run locally against Azurite.</summary>
internal sealed class RunCommand(CliContext context) : ICliCommand
{
    /// <summary>How long a received message stays hidden from other local workers (default 10 minutes, as the host).</summary>
    public const string QueueLeaseSetting = "NewsWatch:Local:QueueLease";

    public string Name => "run";

    public string Usage => "run [--once] [--config FILE] [--verbose]   poll feeds and process articles locally (Azurite started if needed)";

    public IReadOnlyList<CliOptionSpec> OptionSpecs => [CliOptionSpec.Config, CliOptionSpec.Flag("once", "poll once, process what was queued, and stop"), CliOptionSpec.Verbose];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        await using var services = await LocalServices.BuildAsync(
            new LocalServicesSetup
            {
                ConfigFile = args.Get("config") is { } c ? context.ResolvePath(c) : null,
                Log = context.Error,
                Logging = b => b
                    .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
                    .SetMinimumLevel(args.Has("verbose") ? LogLevel.Debug : LogLevel.Information)
                    .AddFilter("System.Net.Http", LogLevel.Warning)
                    .AddFilter("Polly", LogLevel.Warning)
                    // The SDK logs every 409/412 as a warning, and those are how claims and ETag guards work here;
                    // failures that matter surface as exceptions with their own log lines.
                    .AddFilter("Azure", LogLevel.Error),
                Services = (s, config) => s
                    .AddSingleton(QueueTriggerSettings.Load(hostJson) with
                    {
                        // The host hides a received message for 10 minutes; a local fault drill may want it back sooner.
                        LeaseDuration = config.GetValue(QueueLeaseSetting, new QueueTriggerSettings().LeaseDuration),
                    })
                    .AddSingleton<RunSummaryHolder>()
                    .AddSingleton<LocalRunner>(),
                ValidateOnBuild = true,
            },
            cancellationToken);

        var runner = services.GetRequiredService<LocalRunner>();
        if (args.Has("once"))
        {
            await runner.RunOnceAsync(cancellationToken);
        }
        else
        {
            await context.Error.WriteLineAsync("listening; Ctrl+C to stop");
            await runner.RunAsync(cancellationToken);
        }

        runner.Summary.WriteTo(context.Out, runner.Listener.Stats.Poisoned);
        return 0;
    }
}
