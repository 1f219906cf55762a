using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace NewsWatch.Infrastructure.Storage;

/// <summary>
/// The Storage account as the Functions host finds it, so the app and its triggers always use the same one:
/// setting <c>AzureWebJobsStorage</c> holds a connection string (Azurite locally), or, identity-based, its children
/// <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, <c>__blobServiceUri</c>, <c>__credential</c>
/// (<c>managedidentity</c>) and <c>__clientId</c> (a user-assigned identity).
/// </summary>
public sealed class StorageConnection
{
    public const string Setting = "AzureWebJobsStorage";

    private StorageConnection(string? connectionString, Uri? queueServiceUri, Uri? tableServiceUri, Uri? blobServiceUri, string? credential, string? clientId)
    {
        ConnectionString = connectionString;
        QueueServiceUri = queueServiceUri;
        TableServiceUri = tableServiceUri;
        BlobServiceUri = blobServiceUri;
        CredentialKind = credential;
        ClientId = clientId;
    }

    public string? ConnectionString { get; }

    public Uri? QueueServiceUri { get; }

    public Uri? TableServiceUri { get; }

    public Uri? BlobServiceUri { get; }

    public string? CredentialKind { get; }

    public string? ClientId { get; }

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    public static StorageConnection From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Setting);
        return new StorageConnection(
            section.Value,
            AsUri(section, "queueServiceUri"),
            AsUri(section, "tableServiceUri"),
            AsUri(section, "blobServiceUri"),
            section["credential"],
            section["clientId"]);
    }

    /// <summary>
    /// The host's rule: <c>credential=managedidentity</c> (with <c>clientId</c> for a user-assigned identity) means
    /// managed identity; otherwise the default chain, which also covers a developer signed in with the Azure CLI.
    /// </summary>
    public TokenCredential CreateCredential() =>
        string.Equals(CredentialKind, "managedidentity", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(ClientId)
            ? new ManagedIdentityCredential(string.IsNullOrEmpty(ClientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(ClientId))
            : new DefaultAzureCredential();

    /// <summary>A service URI for identity-based access, or a clear error naming the setting to add.</summary>
    public static Uri RequireServiceUri(Uri? uri, string child) =>
        uri ?? throw new StorageSettingsException(
            $"Storage is not configured: set '{Setting}' to a connection string (UseDevelopmentStorage=true for Azurite) " +
            $"or '{Setting}__{child}' (with '{Setting}__credential=managedidentity') for identity-based access.");

    private static Uri? AsUri(IConfigurationSection section, string child)
    {
        var value = section[child];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new StorageSettingsException($"'{Setting}__{child}' is not an absolute http(s) URI: '{value}'.");
    }
}
