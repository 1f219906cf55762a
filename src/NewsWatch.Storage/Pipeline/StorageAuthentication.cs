using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsWatch.Storage.Pipeline;

/// <summary>How a client proves itself: exactly one of Shared Key, SAS or a token credential (or nothing).</summary>
internal sealed class StorageAuthentication
{
    /// <summary>The scope every storage data-plane token is requested for.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private readonly Func<SharedKeyScheme, HttpPipelinePolicy?> _policy;

    private StorageAuthentication(Func<SharedKeyScheme, HttpPipelinePolicy?> policy, string? accountName)
    {
        _policy = policy;
        AccountName = accountName;
    }

    /// <summary>Known when authenticating with Shared Key; otherwise taken from the URL.</summary>
    public string? AccountName { get; }

    public static StorageAuthentication Anonymous { get; } = new(_ => null, null);

    public static StorageAuthentication SharedKey(StorageSharedKeyCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new(scheme => new SharedKeyAuthenticationPolicy(credential, scheme), credential.AccountName);
    }

    public static StorageAuthentication Sas(string sas)
    {
        ArgumentException.ThrowIfNullOrEmpty(sas);
        return new(_ => new SasQueryPolicy(sas), null);
    }

    public static StorageAuthentication Sas(AzureSasCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new(_ => new SasQueryPolicy(credential), null);
    }

    public static StorageAuthentication Token(TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new(_ => new BearerTokenAuthenticationPolicy(credential, StorageScope), null);
    }

    public static StorageAuthentication FromConnectionString(StorageConnectionString connectionString) =>
        connectionString.SharedKeyCredential is { } key ? SharedKey(key)
        : connectionString.SharedAccessSignature is { } sas ? Sas(sas)
        : Anonymous;

    /// <summary>
    /// A SAS may arrive inside the resource URL (<c>https://acct.queue.core.windows.net/q?sv=...&amp;sig=...</c>);
    /// split it off so request URLs are built from the bare resource and the token is appended by policy.
    /// </summary>
    public static (Uri Resource, StorageAuthentication Authentication) FromUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Query.Contains("sig=", StringComparison.Ordinal))
        {
            var bare = new UriBuilder(uri) { Query = string.Empty }.Uri;
            return (bare, Sas(uri.Query.TrimStart('?')));
        }

        return (uri, Anonymous);
    }

    public HttpPipelinePolicy? CreatePolicy(SharedKeyScheme scheme) => _policy(scheme);
}
