namespace NewsWatch.Storage.Queues;

/// <summary>What the service returns after a message is put on the queue.</summary>
public sealed class SendReceipt(
    string messageId, string popReceipt, DateTimeOffset insertionTime, DateTimeOffset expirationTime, DateTimeOffset timeNextVisible)
{
    public string MessageId { get; } = messageId;

    public string PopReceipt { get; } = popReceipt;

    public DateTimeOffset InsertionTime { get; } = insertionTime;

    public DateTimeOffset ExpirationTime { get; } = expirationTime;

    public DateTimeOffset TimeNextVisible { get; } = timeNextVisible;
}

/// <summary>The new pop receipt and visibility after an update; the old receipt is no longer valid.</summary>
public sealed class UpdateReceipt(string popReceipt, DateTimeOffset nextVisibleOn)
{
    public string PopReceipt { get; } = popReceipt;

    public DateTimeOffset NextVisibleOn { get; } = nextVisibleOn;
}

/// <summary>A received (and now invisible) message; delete or update it with <see cref="PopReceipt"/>.</summary>
public sealed class QueueMessage(
    string messageId,
    string popReceipt,
    BinaryData body,
    long dequeueCount,
    DateTimeOffset? nextVisibleOn,
    DateTimeOffset? insertedOn,
    DateTimeOffset? expiresOn)
{
    public string MessageId { get; } = messageId;

    public string PopReceipt { get; } = popReceipt;

    /// <summary>The decoded content.</summary>
    public BinaryData Body { get; } = body;

    /// <summary>The decoded content as UTF-8 text.</summary>
    public string MessageText => Body.ToString();

    public long DequeueCount { get; } = dequeueCount;

    public DateTimeOffset? NextVisibleOn { get; } = nextVisibleOn;

    public DateTimeOffset? InsertedOn { get; } = insertedOn;

    public DateTimeOffset? ExpiresOn { get; } = expiresOn;

    /// <summary>This message as it is after <paramref name="receipt"/> (new pop receipt and visibility).</summary>
    public QueueMessage Update(UpdateReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new(MessageId, receipt.PopReceipt, Body, DequeueCount, receipt.NextVisibleOn, InsertedOn, ExpiresOn);
    }
}

/// <summary>A message seen without taking it: no pop receipt, visibility unchanged.</summary>
public sealed class PeekedMessage(string messageId, BinaryData body, long dequeueCount, DateTimeOffset? insertedOn, DateTimeOffset? expiresOn)
{
    public string MessageId { get; } = messageId;

    public BinaryData Body { get; } = body;

    public string MessageText => Body.ToString();

    public long DequeueCount { get; } = dequeueCount;

    public DateTimeOffset? InsertedOn { get; } = insertedOn;

    public DateTimeOffset? ExpiresOn { get; } = expiresOn;
}

public sealed class QueueProperties(int approximateMessagesCount, IDictionary<string, string> metadata)
{
    /// <summary>Approximate: may lag behind or over-count.</summary>
    public int ApproximateMessagesCount { get; } = approximateMessagesCount;

    public IDictionary<string, string> Metadata { get; } = metadata;
}
