using System.Net.Mail;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;

namespace NewsWatch.Infrastructure.Alerts;

/// <summary>
/// The local default without a mail server: each email becomes an .eml file (openable in any mail client) in
/// the pickup folder, written by System.Net.Mail's SpecifiedPickupDirectory delivery. The file is named after
/// the Message-ID and moved into place in one step, so a retried delivery replaces its own file instead of
/// adding a second one, and a reader never sees a half-written file.
/// </summary>
public sealed class PickupDirectoryAlertSender(IOptions<AlertTransportOptions> options) : IAlertSender
{
    private const string StagingFolder = ".staging";

    public string Folder { get; } = Path.GetFullPath(options.Value.PickupDirectory);

    public AlertDestination Destination => new(AlertDestination.PickupKind, Folder);

    public async Task<string> SendAsync(AlertEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);

        // System.Net.Mail picks a random file name; a private staging folder per send lets us find that file.
        var staging = Directory.CreateDirectory(Path.Combine(Folder, StagingFolder, Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using (var message = AlertMailMessage.Create(email))
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging })
            {
                await client.SendMailAsync(message, cancellationToken);
            }

            var written = Directory.GetFiles(staging, "*.eml").Single();
            var target = Path.Combine(Folder, FileNameFor(email));
            File.Move(written, target, overwrite: true);
            return "written " + target;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
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
