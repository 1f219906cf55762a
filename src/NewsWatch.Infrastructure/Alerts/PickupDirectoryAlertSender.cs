using Microsoft.Extensions.Options;
using MimeKit;
using NewsWatch.Alerts;

namespace NewsWatch.Infrastructure.Alerts;

/// <summary>
/// The local default without a mail server: each email becomes a MimeKit-written .eml file (openable in any mail
/// client) in the pickup folder. The file is named after the Message-ID and moved into place in one step, so a
/// retried delivery replaces its own file instead of adding a second one, and a reader never sees a half-written
/// file.
/// </summary>
public sealed class PickupDirectoryAlertSender(IOptions<AlertTransportOptions> options) : IAlertSender
{
    /// <summary>CRLF line ends, as on the wire: MimeKit's default follows the platform, and mail clients expect CRLF in .eml.</summary>
    private static readonly FormatOptions EmlFormat = CreateEmlFormat();

    public string Folder { get; } = Path.GetFullPath(options.Value.PickupDirectory);

    public AlertDestination Destination => new(AlertDestination.PickupKind, Folder);

    public async Task<string> SendAsync(AlertEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, FileNameFor(email));
        var staging = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var message = AlertMailMessage.Create(email))
            {
                await message.WriteToAsync(EmlFormat, staging, cancellationToken);
            }

            File.Move(staging, target, overwrite: true);
            return "written " + target;
        }
        finally
        {
            File.Delete(staging);
        }
    }

    private static FormatOptions CreateEmlFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    /// <summary>"newswatch.alert.&lt;id&gt;[.rN].eml": the Message-ID's local part, which is already file-name safe.</summary>
    public static string FileNameFor(AlertEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var local = email.MessageId.Trim('<', '>');
        var at = local.IndexOf('@', StringComparison.Ordinal);
        return (at > 0 ? local[..at] : email.AlertId) + ".eml";
    }
}
