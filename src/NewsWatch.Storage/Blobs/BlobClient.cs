using System.Globalization;
using Azure;
using Azure.Core;
using NewsWatch.Storage.Pipeline;

namespace NewsWatch.Storage.Blobs;

/// <summary>
/// One block blob: upload, download, properties, delete, and leases via <see cref="BlobLeaseClient"/>. Just what
/// singleton locks and small status documents need; shaped like Azure.Storage.Blobs' BlobClient.
/// </summary>
public class BlobClient
{
    private readonly StoragePipeline _pipeline = null!;

    public BlobClient(string connectionString, string blobContainerName, string blobName, BlobClientOptions? options = null)
        : this(new BlobContainerClient(connectionString, blobContainerName, options), blobName)
    {
    }

    /// <summary>A blob URL with no credential, or with a SAS token in its query.</summary>
    public BlobClient(Uri blobUri, BlobClientOptions? options = null)
        : this(StorageAuthentication.FromUri(blobUri), options)
    {
    }

    public BlobClient(Uri blobUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
        : this(blobUri, StorageAuthentication.SharedKey(credential), options)
    {
    }

    public BlobClient(Uri blobUri, AzureSasCredential credential, BlobClientOptions? options = null)
        : this(blobUri, StorageAuthentication.Sas(credential), options)
    {
    }

    /// <summary>Microsoft Entra ID (e.g. managed identity); the URL must be https.</summary>
    public BlobClient(Uri blobUri, TokenCredential credential, BlobClientOptions? options = null)
        : this(blobUri, StorageAuthentication.Token(credential), options)
    {
    }

    /// <summary>For mocking.</summary>
    protected BlobClient()
    {
        Uri = null!;
        Name = null!;
        BlobContainerName = null!;
        AccountName = null!;
    }

    internal BlobClient(StoragePipeline pipeline, Uri blobUri, string containerName, string accountName)
    {
        _pipeline = pipeline;
        Uri = blobUri;
        Name = StorageUris.LastSegment(blobUri);
        BlobContainerName = containerName;
        AccountName = accountName;
    }

    private BlobClient(BlobContainerClient container, string blobName)
        : this(container.Pipeline, StorageUris.Append(container.Uri, RequireName(blobName)), container.Name, container.AccountName)
    {
    }

    private BlobClient((Uri Resource, StorageAuthentication Authentication) target, BlobClientOptions? options)
        : this(target.Resource, target.Authentication, options)
    {
    }

    private BlobClient(Uri blobUri, StorageAuthentication authentication, BlobClientOptions? options)
        : this(
            new StoragePipeline(options ?? new BlobClientOptions(), authentication, SharedKeyScheme.BlobQueue),
            blobUri,
            ContainerOf(blobUri),
            authentication.AccountName ?? StorageUris.AccountName(blobUri))
    {
    }

    public virtual Uri Uri { get; }

    public virtual string Name { get; }

    public virtual string BlobContainerName { get; }

    public virtual string AccountName { get; }

    internal StoragePipeline Pipeline => _pipeline;

    /// <summary>A lease client for this blob; a new lease id is proposed when none is given.</summary>
    public virtual BlobLeaseClient GetBlobLeaseClient(string? leaseId = null) => new(this, leaseId);

    /// <summary>Writes the blob; with <paramref name="overwrite"/> false an existing blob gives 409 BlobAlreadyExists.</summary>
    public virtual Task<Response<BlobContentInfo>> UploadAsync(
        BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(
            content,
            overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
            cancellationToken);

    /// <summary>Writes the blob under conditions (e.g. the <see cref="BlobRequestConditions.LeaseId"/> of a held lease).</summary>
    public virtual async Task<Response<BlobContentInfo>> UploadAsync(
        BinaryData content, BlobRequestConditions? conditions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var message = _pipeline.CreateMessage(RequestMethod.Put, Uri, StatusCodes.Created);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        message.Request.Headers.SetValue(StorageHeaders.ContentType, "application/octet-stream");
        BlobResponses.Apply(message.Request, conditions);
        message.Request.Content = RequestContent.Create(content);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BlobContentInfo(BlobResponses.ETagOf(response), BlobResponses.LastModifiedOf(response)), response);
    }

    public virtual async Task<Response<BinaryData>> DownloadContentAsync(
        BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Get, Uri, StatusCodes.Ok);
        BlobResponses.Apply(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Content, response);
    }

    public virtual async Task<Response<BlobProperties>> GetPropertiesAsync(
        BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Head, Uri, StatusCodes.Ok);
        BlobResponses.Apply(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var length = BlobResponses.Header(response, "Content-Length") is { } l ? long.Parse(l, CultureInfo.InvariantCulture) : 0;
        return Response.FromValue(
            new BlobProperties(
                length,
                BlobResponses.ETagOf(response),
                BlobResponses.LastModifiedOf(response),
                BlobResponses.Header(response, "x-ms-lease-state"),
                BlobResponses.Header(response, "x-ms-lease-status"),
                BlobResponses.Header(response, "x-ms-lease-duration"),
                StorageMetadata.Read(response)),
            response);
    }

    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Head, Uri, StatusCodes.OkOrNotFound);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>Deletes the blob (pass the lease id when it is leased); a missing blob answers false.</summary>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(
        BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Delete, Uri, StatusCodes.AcceptedOrNotFound);
        BlobResponses.Apply(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Status == 202, response);
    }

    private static string RequireName(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return blobName.Length <= 1024
            ? blobName
            : throw new ArgumentException($"A blob name has at most 1024 characters; this one has {blobName.Length}.", nameof(blobName));
    }

    /// <summary>The container is the path segment before the blob name (after the account, for path-style URLs).</summary>
    private static string ContainerOf(Uri blobUri)
    {
        var segments = blobUri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 ? Uri.UnescapeDataString(segments[^2]) : string.Empty;
    }
}
