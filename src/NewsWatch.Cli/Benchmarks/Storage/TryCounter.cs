using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsWatch.Cli.Benchmarks.Storage;

/// <summary>
/// Counts operations (per call) and HTTP tries (per retry) of the clients, so the report can show whether any
/// throughput figure hides retries. A listener on Azure.Core's event source would do it too, but enabling that
/// source switches on its logging path for every request and would distort the measurement.
/// </summary>
internal sealed class TryCounter
{
    private long _calls;
    private long _tries;

    public long Retries => Interlocked.Read(ref _tries) - Interlocked.Read(ref _calls);

    public void Attach(ClientOptions options)
    {
        options.AddPolicy(new Counter(() => Interlocked.Increment(ref _calls)), HttpPipelinePosition.PerCall);
        options.AddPolicy(new Counter(() => Interlocked.Increment(ref _tries)), HttpPipelinePosition.PerRetry);
    }

    private sealed class Counter(Action count) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => count();
    }
}
