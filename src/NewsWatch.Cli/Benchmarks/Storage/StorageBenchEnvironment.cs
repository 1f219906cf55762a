using NewsWatch.Infrastructure.LocalDev;
using NewsWatch.Storage;

namespace NewsWatch.Cli.Benchmarks.Storage;

/// <summary>
/// Everything one benchmark cell runs against: the emulator (started here unless an account was given), one shared
/// HttpClient, both targets and their queues/table.
/// </summary>
/// <remarks>
/// A fresh Azurite per cell is deliberate. Azurite's queue garbage collector runs every 60 s and deletes the extents
/// of consumed messages one by one against an unindexed collection: after tens of thousands of messages a pass
/// blocks Node's event loop for minutes (observed here: 100% CPU, no answers, SIGTERM ignored). Real workloads never
/// churn that fast on the emulator; a benchmark does, so no measurement may overlap such a pass.
/// </remarks>
internal sealed class StorageBenchEnvironment : IAsyncDisposable
{
    private readonly AzuriteLauncher? _azurite;
    private readonly HttpClient _http;

    private StorageBenchEnvironment(AzuriteLauncher? azurite, string connectionString, int workers, TryCounter tries)
    {
        _azurite = azurite;
        _http = BenchHttp.CreateClient();
        Clients = new ClientBenchTarget(connectionString, workers, _http, tries);
        Bare = new BareHttpBenchTarget(StorageConnectionString.Parse(connectionString), _http);
        Benchmark = new StorageBenchmark(Clients, Bare);
    }

    public ClientBenchTarget Clients { get; }

    public BareHttpBenchTarget Bare { get; }

    public StorageBenchmark Benchmark { get; }

    /// <param name="connectionString">An account to use as is; null starts an in-memory Azurite for this cell.</param>
    public static async Task<StorageBenchEnvironment> StartAsync(
        string? connectionString, int workers, TryCounter tries, CancellationToken cancellationToken)
    {
        AzuriteLauncher? azurite = null;
        if (connectionString is null)
        {
            azurite = await AzuriteLauncher.StartAsync(cancellationToken: cancellationToken);
            connectionString = azurite.ConnectionString;
        }

        var environment = new StorageBenchEnvironment(azurite, connectionString, workers, tries);
        try
        {
            await environment.Clients.CreateResourcesAsync(cancellationToken);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
