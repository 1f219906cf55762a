using System.Globalization;
using System.Text;
using System.Xml;
using Azure;
using Azure.Core;
using NewsWatch.Storage.Pipeline;

namespace NewsWatch.Storage.Queues;

/// <summary>
/// One storage queue: create/delete it, send, receive, update, delete, peek and count messages. Shaped like
/// Azure.Storage.Queues' QueueClient so callers can switch to it without changes.
/// </summary>
public class QueueClient
{
    /// <summary>The most a message may hold once encoded: 64 KiB.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>The most messages one receive or peek may return.</summary>
    public const int MaxMessagesPerRequest = 32;

    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly StoragePipeline _pipeline = null!;
    private readonly Uri _messagesUri = null!;
    private readonly QueueClientOptions _options = null!;

    public QueueClient(string connectionString, string queueName, QueueClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), queueName, options)
    {
    }

    /// <summary>A queue URL with no credential, or with a SAS token in its query.</summary>
    public QueueClient(Uri queueUri, QueueClientOptions? options = null)
        : this(StorageAuthentication.FromUri(queueUri), options)
    {
    }

    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
        : this(queueUri, StorageAuthentication.SharedKey(credential), options)
    {
    }

    public QueueClient(Uri queueUri, AzureSasCredential credential, QueueClientOptions? options = null)
        : this(queueUri, StorageAuthentication.Sas(credential), options)
    {
    }

    /// <summary>Microsoft Entra ID (e.g. managed identity); the queue URL must be https.</summary>
    public QueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions? options = null)
        : this(queueUri, StorageAuthentication.Token(credential), options)
    {
    }

    /// <summary>For mocking.</summary>
    protected QueueClient()
    {
        Uri = null!;
        Name = null!;
        AccountName = null!;
    }

    private QueueClient(StorageConnectionString connectionString, string queueName, QueueClientOptions? options)
        : this(
            StorageUris.Append(connectionString.GetEndpoint(StorageService.Queue), ValidQueueName(queueName)),
            StorageAuthentication.FromConnectionString(connectionString),
            options)
    {
    }

    private QueueClient((Uri Resource, StorageAuthentication Authentication) target, QueueClientOptions? options)
        : this(target.Resource, target.Authentication, options)
    {
    }

    private QueueClient(Uri queueUri, StorageAuthentication authentication, QueueClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(queueUri);
        _options = options ?? new QueueClientOptions();
        Uri = queueUri;
        Name = StorageUris.LastSegment(queueUri);
        AccountName = authentication.AccountName ?? StorageUris.AccountName(queueUri);
        _messagesUri = new Uri(queueUri.AbsoluteUri.TrimEnd('/') + "/messages");
        _pipeline = new StoragePipeline(_options, authentication, SharedKeyScheme.BlobQueue);
    }

    public virtual Uri Uri { get; }

    public virtual string Name { get; }

    public virtual string AccountName { get; }

    public virtual QueueMessageEncoding MessageEncoding => _options.MessageEncoding;

    public virtual Task<Response> CreateAsync(CancellationToken cancellationToken = default) =>
        CreateAsync(null, cancellationToken);

    public virtual async Task<Response> CreateAsync(
        IDictionary<string, string>? metadata, CancellationToken cancellationToken = default)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Put, Uri, StatusCodes.CreatedOrNoContent);
        StorageMetadata.Write(message.Request, metadata);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the queue; returns null when it already existed.</summary>
    public virtual Task<Response?> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        CreateIfNotExistsAsync(null, cancellationToken);

    /// <summary>Creates the queue with metadata; returns null when it already existed.</summary>
    public virtual async Task<Response?> CreateIfNotExistsAsync(
        IDictionary<string, string>? metadata, CancellationToken cancellationToken = default)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Put, Uri, StatusCodes.CreatedNoContentOrConflict);
        StorageMetadata.Write(message.Request, metadata);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);

        // 204 = already there with the same metadata; 409 = already there with other metadata.
        return response.Status == 201 ? response : null;
    }

    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default) =>
        await _pipeline.SendAsync(
            _pipeline.CreateMessage(RequestMethod.Delete, Uri, StatusCodes.NoContent), cancellationToken).ConfigureAwait(false);

    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        var response = await _pipeline.SendAsync(
            _pipeline.CreateMessage(RequestMethod.Delete, Uri, StatusCodes.NoContentOrNotFound), cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Status == 204, response);
    }

    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendMetadataRequestAsync(StatusCodes.OkOrNotFound, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    public virtual async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendMetadataRequestAsync(StatusCodes.Ok, cancellationToken).ConfigureAwait(false);
        var count = response.Headers.TryGetValue("x-ms-approximate-messages-count", out var c)
            ? int.Parse(c, CultureInfo.InvariantCulture)
            : 0;
        return Response.FromValue(new QueueProperties(count, StorageMetadata.Read(response)), response);
    }

    public virtual async Task<Response> SetMetadataAsync(
        IDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var message = _pipeline.CreateMessage(RequestMethod.Put, Uri, StatusCodes.NoContent);
        message.Request.Uri.AppendQuery("comp", "metadata");
        StorageMetadata.Write(message.Request, metadata);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="visibilityTimeout">Hide the message this long first (0–7 days, below the time to live).</param>
    /// <param name="timeToLive">Expire after this long (default 7 days); <c>TimeSpan.FromSeconds(-1)</c> = never.</param>
    public virtual Task<Response<SendReceipt>> SendMessageAsync(
        string messageText,
        TimeSpan? visibilityTimeout = null,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        return SendMessageAsync(BinaryData.FromString(messageText), visibilityTimeout, timeToLive, cancellationToken);
    }

    public virtual async Task<Response<SendReceipt>> SendMessageAsync(
        BinaryData message,
        TimeSpan? visibilityTimeout = null,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (timeToLive is { } ttl && ttl != NeverExpires && ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "timeToLive must be positive, or TimeSpan.FromSeconds(-1) for never.");
        }

        if (visibilityTimeout is { } visibility)
        {
            Guard.InRange(visibility, TimeSpan.Zero, MaxVisibility, nameof(visibilityTimeout));
            if (timeToLive is { } limit && limit != NeverExpires && visibility >= limit)
            {
                throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibility, "visibilityTimeout must be shorter than timeToLive.");
            }
        }

        var body = QueueMessageXml.CreateBody(Encode(message, nameof(message)));
        var request = _pipeline.CreateMessage(RequestMethod.Post, _messagesUri, StatusCodes.Created);
        if (visibilityTimeout is { } v)
        {
            request.Request.Uri.AppendQuery("visibilitytimeout", Guard.Seconds(v));
        }

        if (timeToLive is { } t)
        {
            request.Request.Uri.AppendQuery("messagettl", t == NeverExpires ? "-1" : Guard.Seconds(t));
        }

        SetXmlBody(request.Request, body);
        var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var raw = ParseList(response).FirstOrDefault()
            ?? throw new RequestFailedException(response.Status, "The service accepted the message but returned no receipt.");
        return Response.FromValue(
            new SendReceipt(
                raw.MessageId,
                raw.PopReceipt ?? string.Empty,
                raw.InsertionTime ?? default,
                raw.ExpirationTime ?? default,
                raw.TimeNextVisible ?? default),
            response);
    }

    /// <param name="maxMessages">1–32; default 1.</param>
    /// <param name="visibilityTimeout">How long the messages stay hidden (1 s–7 days; default 30 s).</param>
    public virtual async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(
        int? maxMessages = null,
        TimeSpan? visibilityTimeout = null,
        CancellationToken cancellationToken = default)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Get, _messagesUri, StatusCodes.Ok);
        if (maxMessages is { } max)
        {
            Guard.InRange(max, 1, MaxMessagesPerRequest, nameof(maxMessages));
            message.Request.Uri.AppendQuery("numofmessages", max.ToString(CultureInfo.InvariantCulture));
        }

        if (visibilityTimeout is { } visibility)
        {
            Guard.InRange(visibility, TimeSpan.FromSeconds(1), MaxVisibility, nameof(visibilityTimeout));
            message.Request.Uri.AppendQuery("visibilitytimeout", Guard.Seconds(visibility));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var result = new List<QueueMessage>();
        foreach (var raw in ParseList(response))
        {
            var decoded = TryDecode(raw.MessageText, out var body);
            var received = new QueueMessage(
                raw.MessageId, raw.PopReceipt ?? string.Empty, decoded ? body : BinaryData.FromString(raw.MessageText),
                raw.DequeueCount, raw.TimeNextVisible, raw.InsertionTime, raw.ExpirationTime);
            if (decoded)
            {
                result.Add(received);
            }
            else
            {
                await OnDecodingFailedAsync(new QueueMessageDecodingFailure(this, received, null), raw.MessageId, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        return Response.FromValue(result.ToArray(), response);
    }

    /// <summary>One message, or a null value when the queue is empty.</summary>
    public virtual async Task<Response<QueueMessage?>> ReceiveMessageAsync(
        TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var response = await ReceiveMessagesAsync(1, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value.FirstOrDefault(), response.GetRawResponse());
    }

    /// <param name="maxMessages">1–32; default 1.</param>
    public virtual async Task<Response<PeekedMessage[]>> PeekMessagesAsync(
        int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Get, _messagesUri, StatusCodes.Ok);
        message.Request.Uri.AppendQuery("peekonly", "true");
        if (maxMessages is { } max)
        {
            Guard.InRange(max, 1, MaxMessagesPerRequest, nameof(maxMessages));
            message.Request.Uri.AppendQuery("numofmessages", max.ToString(CultureInfo.InvariantCulture));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var result = new List<PeekedMessage>();
        foreach (var raw in ParseList(response))
        {
            if (TryDecode(raw.MessageText, out var body))
            {
                result.Add(new PeekedMessage(raw.MessageId, body, raw.DequeueCount, raw.InsertionTime, raw.ExpirationTime));
            }
            else
            {
                var peeked = new PeekedMessage(
                    raw.MessageId, BinaryData.FromString(raw.MessageText), raw.DequeueCount, raw.InsertionTime, raw.ExpirationTime);
                await OnDecodingFailedAsync(new QueueMessageDecodingFailure(this, null, peeked), raw.MessageId, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        return Response.FromValue(result.ToArray(), response);
    }

    public virtual async Task<Response<PeekedMessage?>> PeekMessageAsync(CancellationToken cancellationToken = default)
    {
        var response = await PeekMessagesAsync(1, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value.FirstOrDefault(), response.GetRawResponse());
    }

    public virtual async Task<Response> DeleteMessageAsync(
        string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Delete, MessageUri(messageId), StatusCodes.NoContent);
        message.Request.Uri.AppendQuery("popreceipt", RequirePopReceipt(popReceipt));
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes a received message's visibility (e.g. to keep working on it) and optionally its content. Use the
    /// returned pop receipt from now on; the one passed in is no longer valid.
    /// </summary>
    /// <param name="messageText">New content, or null to keep the current one.</param>
    /// <param name="visibilityTimeout">Hidden for this long from now (0–7 days).</param>
    public virtual Task<Response<UpdateReceipt>> UpdateMessageAsync(
        string messageId,
        string popReceipt,
        string? messageText = null,
        TimeSpan visibilityTimeout = default,
        CancellationToken cancellationToken = default) =>
        UpdateMessageAsync(
            messageId,
            popReceipt,
            messageText is null ? null : BinaryData.FromString(messageText),
            visibilityTimeout,
            cancellationToken);

    public virtual async Task<Response<UpdateReceipt>> UpdateMessageAsync(
        string messageId,
        string popReceipt,
        BinaryData? message,
        TimeSpan visibilityTimeout = default,
        CancellationToken cancellationToken = default)
    {
        Guard.InRange(visibilityTimeout, TimeSpan.Zero, MaxVisibility, nameof(visibilityTimeout));
        var request = _pipeline.CreateMessage(RequestMethod.Put, MessageUri(messageId), StatusCodes.NoContent);
        request.Request.Uri.AppendQuery("popreceipt", RequirePopReceipt(popReceipt));
        request.Request.Uri.AppendQuery("visibilitytimeout", Guard.Seconds(visibilityTimeout));
        if (message is not null)
        {
            SetXmlBody(request.Request, QueueMessageXml.CreateBody(Encode(message, nameof(message))));
        }

        var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-popreceipt", out var newPopReceipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var nextVisible);
        return Response.FromValue(
            new UpdateReceipt(
                newPopReceipt ?? throw new RequestFailedException(response.Status, "The update response carried no pop receipt."),
                nextVisible is null ? default : QueueMessageXml.ParseDate(nextVisible)),
            response);
    }

    /// <summary>Deletes every message in the queue.</summary>
    public virtual async Task<Response> ClearMessagesAsync(CancellationToken cancellationToken = default) =>
        await _pipeline.SendAsync(
            _pipeline.CreateMessage(RequestMethod.Delete, _messagesUri, StatusCodes.NoContent), cancellationToken).ConfigureAwait(false);

    private static string ValidQueueName(string queueName)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        var valid = queueName.Length is >= 3 and <= 63
            && char.IsAsciiLetterOrDigit(queueName[0])
            && char.IsAsciiLetterOrDigit(queueName[^1])
            && queueName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && !queueName.Contains("--", StringComparison.Ordinal);
        return valid
            ? queueName
            : throw new ArgumentException(
                $"'{queueName}' is not a valid queue name: 3–63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(queueName));
    }

    private static string RequirePopReceipt(string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        return popReceipt;
    }

    private static void SetXmlBody(Request request, byte[] body)
    {
        request.Headers.SetValue(StorageHeaders.ContentType, "application/xml");
        request.Content = RequestContent.Create(body);
    }

    private static List<RawQueueMessage> ParseList(Response response)
    {
        try
        {
            return QueueMessageXml.ParseList(response.ContentStream);
        }
        catch (Exception ex) when (ex is XmlException or FormatException or OverflowException)
        {
            throw new RequestFailedException(response.Status, "The Queue service returned a message list that could not be read.", ex);
        }
    }

    private Uri MessageUri(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return new Uri(_messagesUri.AbsoluteUri + "/" + Uri.EscapeDataString(messageId));
    }

    private Task<Response> SendMetadataRequestAsync(ResponseClassifier classifier, CancellationToken cancellationToken)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Get, Uri, classifier);
        message.Request.Uri.AppendQuery("comp", "metadata");
        return _pipeline.SendAsync(message, cancellationToken).AsTask();
    }

    /// <summary>The text to put inside MessageText, checked against what the service would reject.</summary>
    private string Encode(BinaryData message, string paramName)
    {
        string wireText;
        if (_options.MessageEncoding == QueueMessageEncoding.Base64)
        {
            wireText = Convert.ToBase64String(message.ToMemory().Span);
        }
        else
        {
            wireText = message.ToString();
            try
            {
                XmlConvert.VerifyXmlChars(wireText);
            }
            catch (XmlException)
            {
                throw new ArgumentException(
                    "The message holds characters XML cannot carry (e.g. control characters); use QueueMessageEncoding.Base64.",
                    paramName);
            }
        }

        var size = Encoding.UTF8.GetByteCount(wireText);
        return size <= MaxMessageBytes
            ? wireText
            : throw new ArgumentException(
                $"The message is {size} bytes once encoded ({_options.MessageEncoding}); the Queue service accepts at most {MaxMessageBytes}.",
                paramName);
    }

    private bool TryDecode(string wireText, out BinaryData body)
    {
        if (_options.MessageEncoding == QueueMessageEncoding.None)
        {
            body = BinaryData.FromString(wireText);
            return true;
        }

        var buffer = new byte[(wireText.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(wireText, buffer, out var written))
        {
            body = new BinaryData(buffer.AsMemory(0, written));
            return true;
        }

        body = BinaryData.Empty;
        return false;
    }

    private async Task OnDecodingFailedAsync(
        QueueMessageDecodingFailure args, string messageId, CancellationToken cancellationToken)
    {
        if (_options.MessageDecodingFailed is not { } handler)
        {
            throw new FormatException(
                $"Message {messageId} in queue '{Name}' is not valid {_options.MessageEncoding} text. " +
                "Set QueueClientOptions.MessageDecodingFailed to handle such messages.");
        }

        await handler(args, cancellationToken).ConfigureAwait(false);
    }
}
