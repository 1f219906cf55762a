using Microsoft.Extensions.Logging;
using NewsWatch.Cli.Local;
using NewsWatch.Cli.Serve;

namespace NewsWatch.Cli.Commands;

/// <summary><c>newswatch serve</c>: the read API and the dashboard on loopback, Azurite started if needed and stopped on exit.</summary>
internal sealed class ServeCommand(CliContext context) : ICliCommand
{
    public const int DefaultPort = 8790;

    public string Name => "serve";

    public string Usage => $"serve [--config FILE] [--port N]   the read API and the dashboard on http://127.0.0.1:N/ (default {DefaultPort})";

    public IReadOnlyList<CliOptionSpec> OptionSpecs => [CliOptionSpec.Config, CliOptionSpec.Value("port", "N", $"loopback port (default {DefaultPort}; 0 picks a free one)"), CliOptionSpec.Verbose];

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var port = args.GetInt("port", DefaultPort);
        if (port is < 0 or > 65535)
        {
            throw new CliUsageException("--port must be from 0 to 65535");
        }

        var config = LocalConfiguration.Load(args.Get("config") is { } c ? context.ResolvePath(c) : null);
        config["NewsWatch:Sample:SeedsDirectory"] = null; // reads storage only: no sample site
        await using var environment = await LocalEnvironment.StartAsync(config, context.Error, cancellationToken);
        await using var server = await ReadApiServer.StartAsync(
            config,
            port,
            b => b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
                .SetMinimumLevel(args.Has("verbose") ? LogLevel.Information : LogLevel.Warning)
                .AddFilter("Azure", LogLevel.Error),
            cancellationToken);
        await context.Error.WriteLineAsync($"dashboard: {server.BaseUrl}  API: {server.BaseUrl}api/articles  (Ctrl+C to stop)");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, server.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: the server, then Azurite, are stopped by the disposals above.
        }

        return 0;
    }
}
