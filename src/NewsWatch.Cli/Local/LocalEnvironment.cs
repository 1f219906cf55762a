using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using NewsWatch.Cli.Sample;
using NewsWatch.LocalDev;

namespace NewsWatch.Cli.Local;

/// <summary>
/// What a local run needs around it: Azurite when the config points at development storage and none is
/// listening, and the offline sample site when the config names one. Both are stopped on dispose.
/// </summary>
internal sealed class LocalEnvironment : IAsyncDisposable
{
    private AzuriteLauncher? _azurite;
    private SampleSiteServer? _sample;

    public string? AzuriteNote { get; private set; }

    public static async Task<LocalEnvironment> StartAsync(IConfiguration config, TextWriter log, CancellationToken cancellationToken)
    {
        var env = new LocalEnvironment();
        try
        {
            await env.StartSampleAsync(config, log, cancellationToken);
            await env.StartAzuriteAsync(config, log, cancellationToken);
            return env;
        }
        catch
        {
            await env.DisposeAsync();
            throw;
        }
    }

    private async Task StartSampleAsync(IConfiguration config, TextWriter log, CancellationToken cancellationToken)
    {
        var seeds = LocalConfiguration.ResolvePath(config, "NewsWatch:Sample:SeedsDirectory");
        if (seeds is null)
        {
            return;
        }

        var manifest = LocalConfiguration.ResolvePath(config, "NewsWatch:Sample:Manifest")
            ?? throw new InvalidOperationException("NewsWatch:Sample:Manifest must name the sample's pages.json");
        var port = config.GetValue("NewsWatch:Sample:Port", 8651);
        _sample = await SampleSiteServer.StartAsync(new SampleSite(manifest, seeds), port, cancellationToken);
        await log.WriteLineAsync($"offline sample site: {_sample.BaseUrl} (pages rendered from {seeds})");
    }

    private async Task StartAzuriteAsync(IConfiguration config, TextWriter log, CancellationToken cancellationToken)
    {
        var connection = config["AzureWebJobsStorage"];
        if (connection is null || !AzuriteLauncher.IsDevelopmentStorage(connection))
        {
            return;
        }

        if (await IsListeningAsync(10001, cancellationToken))
        {
            AzuriteNote = "using the Azurite already listening on 127.0.0.1:10000-10002";
            await log.WriteLineAsync(AzuriteNote);
            return;
        }

        var dataDir = LocalConfiguration.ResolvePath(config, "NewsWatch:Local:DataDirectory") ?? Path.GetFullPath(".newswatch");
        var location = Path.Combine(dataDir, "azurite");
        Directory.CreateDirectory(location);
        _azurite = await AzuriteLauncher.StartAsync(
            new AzuriteLaunchOptions { BlobPort = 10000, QueuePort = 10001, TablePort = 10002, Location = location },
            cancellationToken);
        AzuriteNote = $"started Azurite on 127.0.0.1:10000-10002, data in {location}";
        await log.WriteLineAsync(AzuriteNote);
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sample is not null)
        {
            await _sample.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
