using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsWatch.Storage.Pipeline;

/// <summary>Appends the SAS token to the query instead of sending an Authorization header.</summary>
internal sealed class SasQueryPolicy : HttpPipelineSynchronousPolicy
{
    private readonly Func<string> _signature;

    public SasQueryPolicy(string sas) => _signature = () => sas;

    // Read on every request so AzureSasCredential.Update() rotations take effect without a new client.
    public SasQueryPolicy(AzureSasCredential credential) => _signature = () => credential.Signature;

    public override void OnSendingRequest(HttpMessage message)
    {
        var sas = _signature().TrimStart('?');
        var uri = message.Request.Uri;
        var query = uri.Query;

        // Per-try policies see the same request again on retry; append once.
        if (query.Contains("sig=", StringComparison.Ordinal))
        {
            return;
        }

        uri.Query = string.IsNullOrEmpty(query) || query == "?" ? "?" + sas : query + "&" + sas;
    }
}
