using MimeKit;
using MimeKit.Text;
using NewsWatch.Alerts;

namespace NewsWatch.Infrastructure.Alerts;

/// <summary>
/// Builds the MimeKit message for an <see cref="AlertEmail"/>; shared by the SMTP and pickup senders so both write
/// the very same message.
/// </summary>
internal static class AlertMailMessage
{
    public static MimeMessage Create(AlertEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Priority = email.Priority == AlertPriority.Low ? MessagePriority.NonUrgent : MessagePriority.Normal,

            // The idempotency key: identical on every retry of this delivery (see AlertKeys.MessageId). MimeKit
            // wants it without the angle brackets.
            MessageId = email.MessageId.Trim('<', '>'),
        };
        message.From.Add(MailboxAddress.Parse(email.From));
        foreach (var to in email.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Headers.Add(AlertEmail.AlertKeyHeader, SafeText.HeaderToken(email.AlertKey));
        message.Headers.Add(AlertEmail.AlertIdHeader, email.AlertId);

        // RFC 3834: tells vacation responders and list servers not to answer a machine.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new MultipartAlternative
        {
            Part(email.TextBody, TextFormat.Plain),
            Part(email.HtmlBody, TextFormat.Html),
        };
        message.Body = body;
        return message;
    }

    private static TextPart Part(string text, TextFormat format)
    {
        var part = new TextPart(format);
        part.SetText("utf-8", text);

        // Quoted-printable keeps the ASCII-mostly bodies readable in the raw .eml and within line-length limits.
        part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        return part;
    }
}
