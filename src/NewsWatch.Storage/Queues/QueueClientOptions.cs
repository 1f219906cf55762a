namespace NewsWatch.Storage.Queues;

/// <summary>How message text is put on the wire.</summary>
public enum QueueMessageEncoding
{
    /// <summary>Text as-is (XML-escaped). Pair with host.json <c>messageEncoding: "none"</c>.</summary>
    None,

    /// <summary>UTF-8 then base64: what the Functions queue trigger expects by default.</summary>
    Base64,
}

public class QueueClientOptions : StorageClientOptions
{
    /// <summary>The Queue REST version these clients are written against.</summary>
    public const string DefaultServiceVersion = "2025-11-05";

    public QueueClientOptions()
        : base(DefaultServiceVersion)
    {
    }

    /// <summary>Defaults to <see cref="QueueMessageEncoding.Base64"/>, like the Functions queue trigger.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>
    /// Called for a received or peeked message whose text is not valid for <see cref="MessageEncoding"/> (another
    /// producer used a different encoding). The message is then left out of the result, still on the queue, so
    /// the handler decides: move it, delete it, or log it. Without a handler such a message raises an error.
    /// </summary>
    public Func<QueueMessageDecodingFailure, CancellationToken, Task>? MessageDecodingFailed { get; set; }
}

/// <summary>The raw message that could not be decoded, and the client that saw it.</summary>
public sealed class QueueMessageDecodingFailure(QueueClient queue, QueueMessage? receivedMessage, PeekedMessage? peekedMessage)
{
    public QueueClient Queue { get; } = queue;

    /// <summary>Set for receive; its <see cref="QueueMessage.Body"/> holds the undecoded text.</summary>
    public QueueMessage? ReceivedMessage { get; } = receivedMessage;

    /// <summary>Set for peek; its <see cref="PeekedMessage.Body"/> holds the undecoded text.</summary>
    public PeekedMessage? PeekedMessage { get; } = peekedMessage;
}
