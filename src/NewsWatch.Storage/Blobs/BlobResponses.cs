using Azure;
using Azure.Core;
using NewsWatch.Storage.Pipeline;

namespace NewsWatch.Storage.Blobs;

/// <summary>Reading the headers blob operations answer with, and writing request conditions.</summary>
internal static class BlobResponses
{
    public static ETag ETagOf(Response response) =>
        response.Headers.TryGetValue(StorageHeaders.ETag, out var etag) ? new ETag(etag) : default;

    public static DateTimeOffset LastModifiedOf(Response response) =>
        response.Headers.TryGetValue("Last-Modified", out var value) ? StorageDates.ParseRfc1123(value) : default;

    public static string? Header(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;

    public static void Apply(Request request, RequestConditions? conditions)
    {
        if (conditions is null)
        {
            return;
        }

        if (conditions.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue(StorageHeaders.IfMatch, StorageDates.FormatETag(ifMatch));
        }

        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.SetValue(StorageHeaders.IfNoneMatch, StorageDates.FormatETag(ifNoneMatch));
        }

        if (conditions.IfModifiedSince is { } modifiedSince)
        {
            request.Headers.SetValue("If-Modified-Since", StorageDates.FormatRfc1123(modifiedSince));
        }

        if (conditions.IfUnmodifiedSince is { } unmodifiedSince)
        {
            request.Headers.SetValue("If-Unmodified-Since", StorageDates.FormatRfc1123(unmodifiedSince));
        }

        if (conditions is BlobRequestConditions { LeaseId: { Length: > 0 } leaseId })
        {
            request.Headers.SetValue("x-ms-lease-id", leaseId);
        }
    }
}
