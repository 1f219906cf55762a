using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using NewsWatch.Storage.Blobs;
using NewsWatch.Storage.Queues;
using NewsWatch.Storage.Tables;

namespace NewsWatch.Infrastructure;

/// <summary>
/// Builds Storage clients from <see cref="StorageOptions"/>: a connection string when one is set
/// (Azurite, or keys), otherwise service URIs with managed identity, as the Functions host itself does.
/// </summary>
public sealed class StorageClientFactory
{
    private readonly StorageOptions _options;
    private readonly Lazy<TokenCredential> _credential;

    public StorageClientFactory(IOptions<StorageOptions> options)
    {
        _options = options.Value;
        _credential = new Lazy<TokenCredential>(() => string.IsNullOrEmpty(_options.ClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(_options.ClientId)));
    }

    public StorageOptions Options => _options;

    public QueueClient Queue(string name) =>
        _options.ConnectionString is { Length: > 0 } cs
            ? new QueueClient(cs, name)
            : new QueueClient(Append(Require(_options.QueueServiceUri, "queueServiceUri"), name), _credential.Value);

    public TableClient Table(string name) =>
        _options.ConnectionString is { Length: > 0 } cs
            ? new TableClient(cs, name)
            : new TableClient(Require(_options.TableServiceUri, "tableServiceUri"), name, _credential.Value);

    public BlobContainerClient Container(string name) =>
        _options.ConnectionString is { Length: > 0 } cs
            ? new BlobContainerClient(cs, name)
            : new BlobContainerClient(Append(Require(_options.BlobServiceUri, "blobServiceUri"), name), _credential.Value);

    private static Uri Require(Uri? uri, string setting) =>
        uri ?? throw new OptionsValidationException(
            StorageOptions.ConnectionSetting, typeof(StorageOptions),
            [$"Storage is not configured: set '{StorageOptions.ConnectionSetting}' to a connection string (UseDevelopmentStorage=true for Azurite) or '{StorageOptions.ConnectionSetting}__{setting}' for managed identity."]);

    private static Uri Append(Uri service, string name) => new(service.AbsoluteUri.TrimEnd('/') + "/" + name);
}
