using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsWatch.Storage.Pipeline;

/// <summary>
/// Stamps <c>x-ms-version</c> and a fresh <c>x-ms-date</c>. Runs per try, so a retried request is re-dated
/// (and then re-signed) instead of replaying a stale signature.
/// </summary>
internal sealed class StorageRequestHeadersPolicy(string serviceVersion, TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue(StorageHeaders.Version, serviceVersion);
        message.Request.Headers.SetValue(
            StorageHeaders.Date,
            timeProvider.GetUtcNow().UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
    }
}
