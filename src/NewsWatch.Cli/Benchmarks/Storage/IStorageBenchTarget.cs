namespace NewsWatch.Cli.Benchmarks.Storage;

/// <summary>
/// One way of doing the benchmarked storage operations: through our clients, or with bare HttpClient calls. Each
/// worker has its own queue and entity, so workers never race each other and every cycle does the same work.
/// </summary>
internal interface IStorageBenchTarget
{
    string Name { get; }

    /// <summary>Send a message to the worker's queue, receive it, delete it by pop receipt.</summary>
    Task SendReceiveDeleteAsync(int worker, CancellationToken cancellationToken);

    /// <summary>Upsert (merge) the worker's entity, then read it back.</summary>
    Task UpsertGetAsync(int worker, CancellationToken cancellationToken);
}

/// <summary>Names shared by both targets so they touch exactly the same resources.</summary>
internal static class BenchResources
{
    public const string TableName = "benchstorage";
    public const string PartitionKey = "bench";

    public static string QueueName(int worker) => "bench-storage-" + worker.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string RowKey(int worker) => "w" + worker.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A typical small pipeline message (an article reference as JSON).</summary>
    public static string MessageText(int worker) =>
        "{\"feedId\":\"bench\",\"url\":\"https://example.com/news/" + worker.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\",\"attempt\":1}";
}

/// <summary>The HTTP stack both targets use, so only what sits above it is compared.</summary>
internal static class BenchHttp
{
    /// <summary>
    /// Per-try limit for both targets: the emulator occasionally leaves a request unanswered on this busy machine;
    /// a stuck request is then resent rather than stalling a whole measurement slice for 100 s.
    /// </summary>
    public static readonly TimeSpan TryTimeout = TimeSpan.FromSeconds(15);

    public static HttpClient CreateClient() => new(CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Idle connections are dropped before Node's 5 s keep-alive closes them, so neither target trips over a
    /// connection the emulator is closing at that moment.
    /// </summary>
    private static SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
