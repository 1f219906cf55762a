namespace NewsWatch.Infrastructure.Alerts;

/// <summary>
/// Where alerts are stored and how they leave: the transport half of section "NewsWatch:Alerts" (what alerts
/// and to whom is <see cref="NewsWatch.Alerts.AlertOptions"/>). With no SMTP host, emails go to a pickup folder.
/// </summary>
public sealed class AlertTransportOptions
{
    public string Table { get; set; } = "alerts";

    /// <summary>
    /// Folder for .eml files when no SMTP host is set; relative paths are taken from the working directory. Unset,
    /// it is "outbox" under <c>NewsWatch:Local:DataDirectory</c> when that is set, else ".newswatch/outbox".
    /// </summary>
    public string PickupDirectory { get; set; } = DefaultPickupDirectory(null);

    public static string DefaultPickupDirectory(string? dataDirectory) => Path.Combine(dataDirectory ?? ".newswatch", "outbox");

    public SmtpSettings Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>
/// An SMTP relay, e.g. Azure Communication Services (smtp.azurecomm.net:587, STARTTLS, the Entra app's
/// credentials) or any other. <see cref="Password"/> comes from a secret (in Azure a Key Vault reference in
/// app setting <c>NewsWatch__Alerts__Smtp__Password</c>) and is never logged or shown.
/// </summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS after connecting, required when on; the server's certificate is validated.</summary>
    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// SHA-256 thumbprint (hex, colons allowed) of a relay certificate to trust when it does not chain to a public
    /// root, e.g. a company relay with a private CA. Normal validation still accepts any valid certificate.
    /// </summary>
    public string? PinnedCertificateSha256 { get; set; }

    /// <summary>Per SMTP command; keep it below <see cref="NewsWatch.Alerts.AlertOptions.SendLease"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Safe to log: host and port only, never the credentials.</summary>
    public override string ToString() => $"{Host}:{Port}";
}
