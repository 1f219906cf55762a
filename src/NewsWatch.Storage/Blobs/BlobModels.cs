using Azure;

namespace NewsWatch.Storage.Blobs;

public class BlobClientOptions : StorageClientOptions
{
    /// <summary>The Blob REST version these clients are written against.</summary>
    public const string DefaultServiceVersion = "2025-11-05";

    public BlobClientOptions()
        : base(DefaultServiceVersion)
    {
    }
}

/// <summary>Conditions on a blob request: the standard HTTP ones plus "only while this lease is held".</summary>
public class BlobRequestConditions : RequestConditions
{
    public string? LeaseId { get; set; }
}

public sealed class BlobContentInfo(ETag etag, DateTimeOffset lastModified)
{
    public ETag ETag { get; } = etag;

    public DateTimeOffset LastModified { get; } = lastModified;
}

/// <summary>The state of a lease after acquire/renew/change/break.</summary>
public sealed class BlobLease(ETag etag, DateTimeOffset lastModified, string? leaseId, int? leaseTime)
{
    public ETag ETag { get; } = etag;

    public DateTimeOffset LastModified { get; } = lastModified;

    public string? LeaseId { get; } = leaseId;

    /// <summary>After a break: seconds until the lease is fully broken.</summary>
    public int? LeaseTime { get; } = leaseTime;
}

public sealed class ReleasedObjectInfo(ETag etag, DateTimeOffset lastModified)
{
    public ETag ETag { get; } = etag;

    public DateTimeOffset LastModified { get; } = lastModified;
}

public sealed class BlobProperties(
    long contentLength, ETag etag, DateTimeOffset lastModified, string? leaseState, string? leaseStatus, string? leaseDuration,
    IDictionary<string, string> metadata)
{
    public long ContentLength { get; } = contentLength;

    public ETag ETag { get; } = etag;

    public DateTimeOffset LastModified { get; } = lastModified;

    /// <summary>available, leased, expired, breaking or broken.</summary>
    public string? LeaseState { get; } = leaseState;

    /// <summary>locked or unlocked.</summary>
    public string? LeaseStatus { get; } = leaseStatus;

    /// <summary>infinite or fixed, while leased.</summary>
    public string? LeaseDuration { get; } = leaseDuration;

    public IDictionary<string, string> Metadata { get; } = metadata;
}
