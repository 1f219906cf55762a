using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using NewsWatch.WorkerHarness.Rpc;

namespace NewsWatch.WorkerHarness;

/// <summary>
/// The host's end of the one EventStream the worker opens: requests go out through a single writer (a gRPC stream
/// allows one write at a time), responses come back matched by request_id (the worker copies it into its answer), and
/// RpcLogs are kept in arrival order. The worker writes an invocation's logs before its response on the same stream,
/// so when a response is matched every log of that invocation is already here.
/// </summary>
internal sealed partial class WorkerConnection(TimeProvider time, ILogger logger)
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<(string WorkerId, long Timestamp)> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<WorkerLog> _logs = new();
    private int _attached;

    /// <summary>The worker id from StartStream and the TimeProvider timestamp it arrived at.</summary>
    public Task<(string WorkerId, long Timestamp)> Started => _started.Task;

    /// <summary>Completes when the worker's stream ends (it exited or closed the call).</summary>
    public Task Closed => _closed.Task;

    public IReadOnlyCollection<WorkerLog> Logs => _logs;

    public async Task ServeAsync(IAsyncStreamReader<StreamingMessage> input, IServerStreamWriter<StreamingMessage> output, CancellationToken cancellationToken)
    {
        // A real host runs one stream per worker process; a second one would mean two workers answering for one.
        if (Interlocked.Exchange(ref _attached, 1) == 1)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "this harness already has a worker stream"));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteAllAsync(output, stop.Token);
        try
        {
            while (await input.MoveNext(cancellationToken))
            {
                Dispatch(input.Current);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or Grpc.Core.RpcException)
        {
            // The worker went away or the harness is shutting down; pending requests fail below with that reason.
            LogStreamEnded(logger, ex.Message);
        }
        finally
        {
            _closed.TrySetResult();
            _outbound.Writer.TryComplete();
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new WorkerHarnessException("the worker's gRPC stream ended before it answered"));
            }

            await stop.CancelAsync();
            try
            {
                await writer;
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
            {
                // Writes after the call ended are expected to fail; the stream is gone either way.
            }
        }
    }

    /// <summary>Sends a request and waits for the worker's answer with the same request_id.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(request.RequestId, answer))
        {
            throw new InvalidOperationException($"request id {request.RequestId} is already waiting for an answer");
        }

        try
        {
            if (_closed.Task.IsCompleted)
            {
                throw new WorkerHarnessException("the worker's gRPC stream has ended");
            }

            await _outbound.Writer.WriteAsync(request, cancellationToken);
            return await answer.Task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new WorkerHarnessException($"no answer to {request.ContentCase} within {timeout.TotalSeconds:F0} s", ex);
        }
        finally
        {
            _pending.TryRemove(request.RequestId, out _);
        }
    }

    /// <summary>Sends a message that has no answer (WorkerTerminate).</summary>
    public bool TrySend(StreamingMessage message) => !_closed.Task.IsCompleted && _outbound.Writer.TryWrite(message);

    private async Task WriteAllAsync(IServerStreamWriter<StreamingMessage> output, CancellationToken cancellationToken)
    {
        await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
        {
            await output.WriteAsync(message, cancellationToken);
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                _started.TrySetResult((message.StartStream.WorkerId, time.GetTimestamp()));
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                var log = message.RpcLog;
                _logs.Enqueue(new WorkerLog(
                    string.IsNullOrEmpty(log.InvocationId) ? null : log.InvocationId,
                    log.Category,
                    log.Level.ToString(),
                    log.Message,
                    log.Exception?.Message,
                    log.LogCategory == RpcLog.Types.RpcLogCategory.System));
                break;
            default:
                if (_pending.TryGetValue(message.RequestId, out var answer))
                {
                    answer.TrySetResult(message);
                }
                else
                {
                    LogUnexpected(logger, message.ContentCase.ToString(), message.RequestId);
                }

                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker stream ended: {Reason}")]
    private static partial void LogStreamEnded(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {Content} from the worker (request id '{RequestId}' is not waiting for an answer)")]
    private static partial void LogUnexpected(ILogger logger, string content, string requestId);
}

/// <summary>The FunctionRpc service the worker connects to; every call is handed to the one <see cref="WorkerConnection"/>.</summary>
internal sealed class FunctionRpcEndpoint(WorkerConnection connection) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        connection.ServeAsync(requestStream, responseStream, context.CancellationToken);
}
