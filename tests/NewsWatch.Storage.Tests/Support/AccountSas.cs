using System.Globalization;
using NewsWatch.Storage;

namespace NewsWatch.Storage.Tests.Support;

/// <summary>Builds an account SAS (sv 2020-12-06+ layout from the shared reference) to test SAS authentication.</summary>
internal static class AccountSas
{
    public static string Create(StorageSharedKeyCredential key, string services, string permissions, DateTimeOffset expiresOn)
    {
        const string version = "2025-11-05";
        const string resourceTypes = "sco";
        const string protocols = "https,http";
        var expiry = expiresOn.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var stringToSign = string.Join('\n', key.AccountName, permissions, services, resourceTypes, string.Empty, expiry, string.Empty, protocols, version, string.Empty) + "\n";
        var signature = key.ComputeHmacSha256(stringToSign);
        return $"sv={version}&ss={services}&srt={resourceTypes}&sp={permissions}&se={Uri.EscapeDataString(expiry)}&spr={Uri.EscapeDataString(protocols)}&sig={Uri.EscapeDataString(signature)}";
    }
}
