using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Cli.Local;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Infrastructure.Hosting;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch run</c>: the Functions app's two functions, run locally against Azurite.</summary>
internal sealed class RunCommand(CliContext context) : ICliCommand
{
    public string Name => "run";

    public string Usage => "run [--once] [--config FILE] [--verbose]   poll feeds and process articles locally (Azurite started if needed)";

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var configFile = args.Get("config") is { } c ? context.ResolvePath(c) : null;
        var config = LocalConfiguration.Load(configFile);
        await using var environment = await LocalEnvironment.StartAsync(config, context.Error, cancellationToken);

        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        var queueSettings = QueueTriggerSettings.Load(hostJson);
        await using var services = new ServiceCollection()
            .AddLogging(b => b
                .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
                .SetMinimumLevel(args.Has("verbose") ? LogLevel.Debug : LogLevel.Information)
                .AddFilter("System.Net.Http", LogLevel.Warning)
                .AddFilter("Azure", LogLevel.Warning))
            .AddNewsWatch(config)
            .AddSingleton(queueSettings)
            .AddSingleton<RunSummaryHolder>()
            .AddSingleton<LocalRunner>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

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
