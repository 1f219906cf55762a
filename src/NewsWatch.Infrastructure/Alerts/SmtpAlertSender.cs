using System.Globalization;
using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;

namespace NewsWatch.Infrastructure.Alerts;

/// <summary>
/// Sends through an SMTP server with System.Net.Mail: STARTTLS when <see cref="SmtpSettings.EnableSsl"/> is on
/// (with normal certificate validation), AUTH LOGIN when a user name is set. A new client per message: SmtpClient
/// is not safe for concurrent sends, and alerts are too rare for connection reuse to matter.
/// </summary>
public sealed class SmtpAlertSender(IOptions<AlertTransportOptions> options) : IAlertSender
{
    private readonly SmtpSettings _smtp = options.Value.Smtp;

    public AlertDestination Destination => new(AlertDestination.SmtpKind, _smtp.ToString());

    public async Task<string> SendAsync(AlertEmail email, CancellationToken cancellationToken)
    {
        using var message = AlertMailMessage.Create(email);
        using var client = new SmtpClient(_smtp.Host, _smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = _smtp.EnableSsl,
            Timeout = (int)Math.Clamp(_smtp.Timeout.TotalMilliseconds, 1000, int.MaxValue),
            UseDefaultCredentials = false,
        };
        var authenticated = !string.IsNullOrEmpty(_smtp.UserName);
        if (authenticated)
        {
            client.Credentials = new NetworkCredential(_smtp.UserName, _smtp.Password);
        }

        await client.SendMailAsync(message, cancellationToken);

        // System.Net.Mail does not expose the text of the server's final reply; returning normally means that
        // reply to the end of DATA was 250, so that code is what is recorded, with where and how it was sent.
        return string.Create(
            CultureInfo.InvariantCulture,
            $"250 accepted by {_smtp}{(_smtp.EnableSsl ? " over STARTTLS" : string.Empty)}{(authenticated ? " (authenticated)" : string.Empty)}");
    }
}
