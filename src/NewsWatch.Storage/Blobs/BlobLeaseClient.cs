using System.Globalization;
using Azure;
using Azure.Core;
using NewsWatch.Storage.Pipeline;

namespace NewsWatch.Storage.Blobs;

/// <summary>
/// Acquire, renew, change, release and break the lease on a blob or container: the lock behind singleton timers.
/// A held lease answers another acquirer with 409 <c>LeaseAlreadyPresent</c>.
/// </summary>
public class BlobLeaseClient
{
    /// <summary>Pass to <see cref="AcquireAsync"/> for a lease that never expires on its own.</summary>
    public static readonly TimeSpan InfiniteLeaseDuration = TimeSpan.FromSeconds(-1);

    private static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(60);

    private readonly StoragePipeline _pipeline = null!;
    private readonly bool _isContainer;
    private string _leaseId = null!;

    /// <param name="leaseId">The id to propose on acquire (or of a lease already held); default: a new GUID.</param>
    public BlobLeaseClient(BlobClient client, string? leaseId = null)
        : this(client?.Pipeline!, client?.Uri!, isContainer: false, leaseId)
    {
    }

    public BlobLeaseClient(BlobContainerClient client, string? leaseId = null)
        : this(client?.Pipeline!, client?.Uri!, isContainer: true, leaseId)
    {
    }

    /// <summary>For mocking.</summary>
    protected BlobLeaseClient()
    {
        Uri = null!;
    }

    private BlobLeaseClient(StoragePipeline pipeline, Uri uri, bool isContainer, string? leaseId)
    {
        ArgumentNullException.ThrowIfNull(pipeline, "client");
        _pipeline = pipeline;
        Uri = uri;
        _isContainer = isContainer;
        _leaseId = leaseId ?? Guid.NewGuid().ToString("D");
    }

    public virtual Uri Uri { get; }

    /// <summary>The lease this client acts on; updated by acquire (service-assigned id) and change.</summary>
    public virtual string LeaseId => Volatile.Read(ref _leaseId);

    /// <param name="duration">15–60 seconds, or <see cref="InfiniteLeaseDuration"/>.</param>
    public virtual async Task<Response<BlobLease>> AcquireAsync(
        TimeSpan duration, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        if (duration != InfiniteLeaseDuration)
        {
            Guard.InRange(duration, MinDuration, MaxDuration, nameof(duration));
        }

        var message = CreateLeaseMessage("acquire", StatusCodes.Created, conditions);
        message.Request.Headers.SetValue(
            "x-ms-lease-duration",
            duration == InfiniteLeaseDuration ? "-1" : Guard.Seconds(duration));
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", LeaseId);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Remember(response);
    }

    public virtual async Task<Response<BlobLease>> RenewAsync(
        RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var message = CreateLeaseMessage("renew", StatusCodes.Ok, conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        return Remember(await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false));
    }

    public virtual async Task<Response<BlobLease>> ChangeAsync(
        string proposedId, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(proposedId);
        var message = CreateLeaseMessage("change", StatusCodes.Ok, conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", proposedId);
        return Remember(await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false));
    }

    public virtual async Task<Response<ReleasedObjectInfo>> ReleaseAsync(
        RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var message = CreateLeaseMessage("release", StatusCodes.Ok, conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(
            new ReleasedObjectInfo(BlobResponses.ETagOf(response), BlobResponses.LastModifiedOf(response)), response);
    }

    /// <summary>Ends whoever's lease it is, now or after <paramref name="breakPeriod"/> (0–60 s).</summary>
    public virtual async Task<Response<BlobLease>> BreakAsync(
        TimeSpan? breakPeriod = null, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var message = CreateLeaseMessage("break", StatusCodes.Accepted, conditions);
        if (breakPeriod is { } period)
        {
            Guard.InRange(period, TimeSpan.Zero, MaxDuration, nameof(breakPeriod));
            message.Request.Headers.SetValue("x-ms-lease-break-period", Guard.Seconds(period));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var leaseTime = BlobResponses.Header(response, "x-ms-lease-time") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : (int?)null;
        return Response.FromValue(
            new BlobLease(BlobResponses.ETagOf(response), BlobResponses.LastModifiedOf(response), null, leaseTime), response);
    }

    private HttpMessage CreateLeaseMessage(string action, ResponseClassifier classifier, RequestConditions? conditions)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Put, Uri, classifier);
        if (_isContainer)
        {
            message.Request.Uri.AppendQuery("restype", "container");
        }

        message.Request.Uri.AppendQuery("comp", "lease");
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        BlobResponses.Apply(message.Request, conditions);
        return message;
    }

    private Response<BlobLease> Remember(Response response)
    {
        var leaseId = BlobResponses.Header(response, "x-ms-lease-id");
        if (!string.IsNullOrEmpty(leaseId))
        {
            Volatile.Write(ref _leaseId, leaseId);
        }

        return Response.FromValue(
            new BlobLease(BlobResponses.ETagOf(response), BlobResponses.LastModifiedOf(response), leaseId, null), response);
    }
}
