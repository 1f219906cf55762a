using Microsoft.Extensions.Logging;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace NewsWatch.LocalDev.QueueTrigger;

/// <summary>A received queue message as a queue-triggered function sees it.</summary>
public sealed record QueueTriggerMessage(string Id, string Text, long DequeueCount, DateTimeOffset? InsertedOn);

/// <summary>Counts of what a listener did, for the run summary.</summary>
public sealed record QueueTriggerStats(int Succeeded, int Failed, int Poisoned);

/// <summary>
/// Plays the Functions host's queue-trigger role for local runs: receive a batch, run the function on
/// each message in parallel, delete on success, release it after a failure, and move it to
/// <c>&lt;queue&gt;-poison</c> once it has failed <c>maxDequeueCount</c> times.
/// </summary>
public sealed partial class QueueTriggerListener(
    QueueClient queue,
    QueueClient poisonQueue,
    QueueTriggerSettings settings,
    Func<QueueTriggerMessage, CancellationToken, Task> function,
    TimeProvider time,
    ILogger<QueueTriggerListener> logger)
{
    private int _succeeded;
    private int _failed;
    private int _poisoned;

    public QueueTriggerStats Stats => new(_succeeded, _failed, _poisoned);

    /// <summary>Processes until the queue holds no message at all, visible or hidden (the <c>--once</c> mode).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await ProcessBatchAsync(cancellationToken) > 0)
            {
                continue;
            }

            var properties = await queue.GetPropertiesAsync(cancellationToken);
            if (properties.Value.ApproximateMessagesCount == 0)
            {
                return;
            }

            // Only messages released after a failure remain; wait for them to become visible again.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(settings.VisibilityTimeout.TotalMilliseconds, 100, 2000)), time, cancellationToken);
        }
    }

    /// <summary>Listens until cancelled, backing off up to <c>maxPollingInterval</c> while the queue is empty.</summary>
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!cancellationToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await ProcessBatchAsync(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Storage away: like the host's listener, keep listening with backoff. Messages received but not
                // finished become visible again when their lease ends, so nothing is lost.
                LogQueueUnavailable(ex, queue.Name, delay);
                handled = 0;
            }

            if (handled > 0)
            {
                delay = TimeSpan.FromMilliseconds(100);
                continue;
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
        }
    }

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var received = await queue.ReceiveMessagesAsync(settings.BatchSize, settings.LeaseDuration, cancellationToken);
        await Task.WhenAll(received.Value.Select(m => HandleAsync(m, cancellationToken)));
        return received.Value.Length;
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message, cancellationToken);
            return;
        }

        try
        {
            await function(new QueueTriggerMessage(message.MessageId, message.Body.ToString(), message.DequeueCount, message.InsertedOn), cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            Interlocked.Increment(ref _succeeded);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failed);
            LogAttemptFailed(ex, message.MessageId, message.DequeueCount, settings.MaxDequeueCount);
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message, cancellationToken);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, (BinaryData?)null, settings.VisibilityTimeout, cancellationToken);
            }
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        // Copy first, delete second: a crash in between leaves a duplicate in poison, never a loss.
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poisonQueue.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        Interlocked.Increment(ref _poisoned);
        LogPoisoned(message.MessageId, poisonQueue.Name, message.DequeueCount);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} unavailable; listening again in {Delay}")]
    private partial void LogQueueUnavailable(Exception ex, string queue, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed (attempt {DequeueCount} of {MaxDequeueCount})")]
    private partial void LogAttemptFailed(Exception ex, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} moved to {PoisonQueue} after {DequeueCount} attempts")]
    private partial void LogPoisoned(string messageId, string poisonQueue, long dequeueCount);
}
