namespace NewsWatch.Alerts;

/// <summary>
/// A composed alert, ready for any transport. Every string here is already safe for where it goes: header
/// values hold no line breaks or control characters, the HTML body has all article text escaped.
/// </summary>
/// <param name="MessageId">Stable per delivery generation, with angle brackets: the idempotency key.</param>
/// <param name="AlertKey">Also sent as the <c>X-NewsWatch-Alert-Key</c> header (percent-encoded to ASCII).</param>
public sealed record AlertEmail(
    string AlertId,
    string AlertKey,
    string MessageId,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string TextBody,
    string HtmlBody,
    AlertPriority Priority)
{
    public const string AlertKeyHeader = "X-NewsWatch-Alert-Key";

    public const string AlertIdHeader = "X-NewsWatch-Alert-Id";
}

/// <summary>Sends one composed alert; the result is what the transport reported, stored with the sent alert.</summary>
public interface IAlertSender
{
    /// <summary>Where mail goes, for reports ("smtp", "host:port") or ("pickup", folder).</summary>
    AlertDestination Destination { get; }

    /// <summary>Throws when the message was not accepted; the alert then stays pending and is retried.</summary>
    Task<string> SendAsync(AlertEmail email, CancellationToken cancellationToken);
}

/// <param name="Kind">"smtp" or "pickup".</param>
/// <param name="Address">"host:port" for SMTP, the full folder path for pickup.</param>
public sealed record AlertDestination(string Kind, string Address)
{
    public const string SmtpKind = "smtp";
    public const string PickupKind = "pickup";

    public override string ToString() => Kind + " " + Address;
}
