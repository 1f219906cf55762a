using Azure;
using Azure.Core;
using NewsWatch.Storage.Pipeline;

namespace NewsWatch.Storage.Blobs;

/// <summary>A blob container: create/delete it and reach its blobs. Shaped like Azure.Storage.Blobs'.</summary>
public class BlobContainerClient
{
    private readonly StoragePipeline _pipeline = null!;

    public BlobContainerClient(string connectionString, string blobContainerName, BlobClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), blobContainerName, options)
    {
    }

    /// <summary>A container URL with no credential, or with a SAS token in its query.</summary>
    public BlobContainerClient(Uri blobContainerUri, BlobClientOptions? options = null)
        : this(StorageAuthentication.FromUri(blobContainerUri), options)
    {
    }

    public BlobContainerClient(Uri blobContainerUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
        : this(blobContainerUri, StorageAuthentication.SharedKey(credential), options)
    {
    }

    public BlobContainerClient(Uri blobContainerUri, AzureSasCredential credential, BlobClientOptions? options = null)
        : this(blobContainerUri, StorageAuthentication.Sas(credential), options)
    {
    }

    /// <summary>Microsoft Entra ID (e.g. managed identity); the URL must be https.</summary>
    public BlobContainerClient(Uri blobContainerUri, TokenCredential credential, BlobClientOptions? options = null)
        : this(blobContainerUri, StorageAuthentication.Token(credential), options)
    {
    }

    /// <summary>For mocking.</summary>
    protected BlobContainerClient()
    {
        Uri = null!;
        Name = null!;
        AccountName = null!;
    }

    private BlobContainerClient(StorageConnectionString connectionString, string blobContainerName, BlobClientOptions? options)
        : this(
            StorageUris.Append(connectionString.GetEndpoint(StorageService.Blob), ValidContainerName(blobContainerName)),
            StorageAuthentication.FromConnectionString(connectionString),
            options)
    {
    }

    private BlobContainerClient((Uri Resource, StorageAuthentication Authentication) target, BlobClientOptions? options)
        : this(target.Resource, target.Authentication, options)
    {
    }

    private BlobContainerClient(Uri blobContainerUri, StorageAuthentication authentication, BlobClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(blobContainerUri);
        Uri = blobContainerUri;
        Name = StorageUris.LastSegment(blobContainerUri);
        AccountName = authentication.AccountName ?? StorageUris.AccountName(blobContainerUri);
        _pipeline = new StoragePipeline(options ?? new BlobClientOptions(), authentication, SharedKeyScheme.BlobQueue);
    }

    public virtual Uri Uri { get; }

    public virtual string Name { get; }

    public virtual string AccountName { get; }

    /// <summary>A client for one blob of this container, sharing this client's pipeline and credential.</summary>
    public virtual BlobClient GetBlobClient(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return new BlobClient(_pipeline, StorageUris.Append(Uri, blobName), Name, AccountName);
    }

    public virtual async Task<Response> CreateAsync(CancellationToken cancellationToken = default) =>
        await SendContainerAsync(RequestMethod.Put, StatusCodes.Created, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates the container; returns null when it already existed.</summary>
    public virtual async Task<Response?> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendContainerAsync(RequestMethod.Put, StatusCodes.CreatedOrConflict, cancellationToken).ConfigureAwait(false);
        return response.Status == 201 ? response : null;
    }

    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default) =>
        await SendContainerAsync(RequestMethod.Delete, StatusCodes.Accepted, cancellationToken).ConfigureAwait(false);

    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendContainerAsync(RequestMethod.Delete, StatusCodes.AcceptedOrNotFound, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Status == 202, response);
    }

    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendContainerAsync(RequestMethod.Get, StatusCodes.OkOrNotFound, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    internal StoragePipeline Pipeline => _pipeline;

    private static string ValidContainerName(string blobContainerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        var valid = blobContainerName is "$root" or "$logs" or "$web"
            || (blobContainerName.Length is >= 3 and <= 63
                && char.IsAsciiLetterOrDigit(blobContainerName[0])
                && char.IsAsciiLetterOrDigit(blobContainerName[^1])
                && blobContainerName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
                && !blobContainerName.Contains("--", StringComparison.Ordinal));
        return valid
            ? blobContainerName
            : throw new ArgumentException(
                $"'{blobContainerName}' is not a valid container blobContainerName: 3–63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(blobContainerName));
    }

    private async Task<Response> SendContainerAsync(RequestMethod method, ResponseClassifier classifier, CancellationToken cancellationToken)
    {
        var message = _pipeline.CreateMessage(method, Uri, classifier);
        message.Request.Uri.AppendQuery("restype", "container");
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
