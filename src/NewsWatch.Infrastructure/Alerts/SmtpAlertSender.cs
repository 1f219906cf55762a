using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;

namespace NewsWatch.Infrastructure.Alerts;

/// <summary>
/// Sends through an SMTP server with MailKit: STARTTLS when <see cref="SmtpSettings.EnableSsl"/> is on (required,
/// with normal certificate validation, or the pinned certificate), AUTH when a user name is set, and the server's
/// own final reply returned, so the outbox row records what the relay said. A new connection per message: alerts
/// are too rare for connection reuse to matter, and a fresh client has no state left from a failed send.
/// </summary>
public sealed class SmtpAlertSender(IOptions<AlertTransportOptions> options) : IAlertSender
{
    private readonly SmtpSettings _smtp = options.Value.Smtp;

    public AlertDestination Destination => new(AlertDestination.SmtpKind, _smtp.ToString());

    public async Task<string> SendAsync(AlertEmail email, CancellationToken cancellationToken)
    {
        using var message = AlertMailMessage.Create(email);
        using var client = new SmtpClient
        {
            Timeout = (int)Math.Clamp(_smtp.Timeout.TotalMilliseconds, 1000, int.MaxValue),
        };
        if (_smtp.PinnedCertificateSha256 is { Length: > 0 } pinned)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, pinned);
        }

        await client.ConnectAsync(_smtp.Host ?? string.Empty, _smtp.Port, _smtp.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        var authenticated = !string.IsNullOrEmpty(_smtp.UserName);
        if (authenticated)
        {
            await client.AuthenticateAsync(_smtp.UserName!, _smtp.Password ?? string.Empty, cancellationToken);
        }

        var reply = await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{reply} (by {_smtp}{(_smtp.EnableSsl ? " over STARTTLS" : string.Empty)}{(authenticated ? ", authenticated" : string.Empty)})");
    }

    /// <summary>Normal validation, or exactly the certificate an operator pinned (a relay with a private CA).</summary>
    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, string pinnedSha256) =>
        errors == SslPolicyErrors.None
        || (certificate is not null
            && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pinnedSha256.Replace(":", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
}
