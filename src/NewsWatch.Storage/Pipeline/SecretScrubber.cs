using System.Text.RegularExpressions;

namespace NewsWatch.Storage.Pipeline;

/// <summary>
/// Removes signatures and keys that a service may echo back in error text (Azure's AuthenticationErrorDetail
/// quotes the request's MAC; SAS errors can quote the query). Exception messages must never carry them.
/// </summary>
internal static partial class SecretScrubber
{
    public static string Scrub(string text)
    {
        text = QuotedMac().Replace(text, "'***'");
        text = SasSignature().Replace(text, "${name}=***");
        return AuthorizationValue().Replace(text, "${scheme}***");
    }

    [GeneratedRegex(@"'[A-Za-z0-9+/]{40,}={0,2}'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedMac();

    [GeneratedRegex(@"\b(?<name>sig|AccountKey)=[^&\s;""'<]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SasSignature();

    [GeneratedRegex(@"(?<scheme>\b(?:SharedKey|SharedKeyLite|Bearer) (?:[^:\s]+:)?)[A-Za-z0-9+/=._-]+", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationValue();
}
