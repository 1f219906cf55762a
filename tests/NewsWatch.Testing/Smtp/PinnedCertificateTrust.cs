using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NewsWatch.Testing.Smtp;

/// <summary>
/// Lets System.Net.Mail accept one test server's self-signed certificate for as long as this object lives.
/// SmtpClient validates STARTTLS certificates only through the process-wide
/// ServicePointManager.ServerCertificateValidationCallback (it has no per-client hook), so a test that wants a
/// real TLS handshake has to set it. It trusts exactly the pinned certificate on top of normal validation, and
/// restores the previous callback on dispose. Test code only: production keeps the default validation.
/// </summary>
public sealed class PinnedCertificateTrust : IDisposable
{
#pragma warning disable SYSLIB0014 // ServicePointManager is obsolete, but it is what SmtpClient consults for STARTTLS.
    private readonly RemoteCertificateValidationCallback? _previous = ServicePointManager.ServerCertificateValidationCallback;

    public PinnedCertificateTrust(X509Certificate2 pinned)
    {
        ArgumentNullException.ThrowIfNull(pinned);
        var thumbprint = pinned.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        ServicePointManager.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            || (certificate is not null
                && string.Equals(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), thumbprint, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose() => ServicePointManager.ServerCertificateValidationCallback = _previous;
#pragma warning restore SYSLIB0014
}
