using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using NewsWatch.Alerts;

namespace NewsWatch.Infrastructure.Alerts;

/// <summary>
/// Builds the System.Net.Mail message for an <see cref="AlertEmail"/>; shared by the SMTP and pickup senders
/// so both write the very same message.
/// </summary>
internal static class AlertMailMessage
{
    public static MailMessage Create(AlertEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MailMessage
        {
            From = new MailAddress(email.From),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Priority = email.Priority == AlertPriority.Low ? MailPriority.Low : MailPriority.Normal,
        };
        try
        {
            foreach (var to in email.To)
            {
                message.To.Add(new MailAddress(to));
            }

            // The idempotency key: identical on every retry of this delivery (see AlertKeys.MessageId).
            message.Headers["Message-ID"] = email.MessageId;
            message.Headers[AlertEmail.AlertKeyHeader] = SafeText.HeaderToken(email.AlertKey);
            message.Headers[AlertEmail.AlertIdHeader] = email.AlertId;

            // RFC 3834: tells vacation responders and list servers not to answer a machine.
            message.Headers["Auto-Submitted"] = "auto-generated";

            message.AlternateViews.Add(View(email.TextBody, MediaTypeNames.Text.Plain));
            message.AlternateViews.Add(View(email.HtmlBody, MediaTypeNames.Text.Html));
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static AlternateView View(string body, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(body, Encoding.UTF8, mediaType);

        // Quoted-printable keeps the ASCII-mostly bodies readable in the raw .eml and within line-length limits.
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }
}
