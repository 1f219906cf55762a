using System.Globalization;

namespace NewsWatch.Storage;

/// <summary>
/// A parsed Azure Storage connection string. Values are never echoed back in errors or <see cref="ToString"/>,
/// because a connection string usually carries the account key or a SAS signature.
/// </summary>
public sealed class StorageConnectionString
{
    /// <summary>The documented, public key of the emulator account; not a secret.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The documented, public key of the emulator account; not a secret.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string DefaultEndpointSuffix = "core.windows.net";

    private StorageConnectionString(
        string? accountName,
        StorageSharedKeyCredential? sharedKey,
        string? sharedAccessSignature,
        Uri? blobEndpoint,
        Uri? queueEndpoint,
        Uri? tableEndpoint)
    {
        AccountName = accountName;
        SharedKeyCredential = sharedKey;
        SharedAccessSignature = sharedAccessSignature;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
    }

    public string? AccountName { get; }

    /// <summary>Set when the string carries <c>AccountName</c> + <c>AccountKey</c>.</summary>
    public StorageSharedKeyCredential? SharedKeyCredential { get; }

    /// <summary>The SAS query (without a leading '?') when the string carries <c>SharedAccessSignature</c>.</summary>
    public string? SharedAccessSignature { get; }

    public Uri? BlobEndpoint { get; }

    public Uri? QueueEndpoint { get; }

    public Uri? TableEndpoint { get; }

    /// <summary>The endpoint of one service, or a clear error when the string does not describe it.</summary>
    public Uri GetEndpoint(StorageService service) => service switch
    {
        StorageService.Blob => BlobEndpoint,
        StorageService.Queue => QueueEndpoint,
        StorageService.Table => TableEndpoint,
        _ => null,
    } ?? throw new InvalidOperationException(
        $"The connection string has no {service} endpoint: give {service}Endpoint=..., or AccountName=... so it can be derived.");

    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = Split(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            if (!bool.TryParse(dev, out var useDev) || !useDev)
            {
                throw new FormatException("UseDevelopmentStorage only accepts 'true'.");
            }

            if (settings.Count > 1 && !(settings.Count == 2 && settings.ContainsKey("DevelopmentStorageProxyUri")))
            {
                throw new FormatException("UseDevelopmentStorage=true cannot be combined with other settings.");
            }

            return Development;
        }

        var accountName = settings.GetValueOrDefault("AccountName");
        var accountKey = settings.GetValueOrDefault("AccountKey");
        var sas = settings.GetValueOrDefault("SharedAccessSignature")?.TrimStart('?');
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
        var suffix = settings.GetValueOrDefault("EndpointSuffix") ?? DefaultEndpointSuffix;

        if (protocol is not ("http" or "https"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be 'http' or 'https'.");
        }

        if (accountKey is not null && sas is not null)
        {
            throw new FormatException("A connection string cannot carry both AccountKey and SharedAccessSignature.");
        }

        if (accountKey is not null && string.IsNullOrEmpty(accountName))
        {
            throw new FormatException("AccountKey needs AccountName.");
        }

        if (accountKey is null && string.IsNullOrEmpty(sas))
        {
            throw new FormatException("The connection string has neither AccountKey nor SharedAccessSignature.");
        }

        StorageSharedKeyCredential? key = null;
        if (accountKey is not null)
        {
            try
            {
                key = new StorageSharedKeyCredential(accountName!, accountKey);
            }
            catch (FormatException)
            {
                // The key value itself must not appear in the message.
                throw new FormatException("AccountKey is not valid base64.");
            }
        }

        Uri? Endpoint(string explicitName, string service) =>
            settings.TryGetValue(explicitName, out var explicitValue)
                ? ParseEndpoint(explicitName, explicitValue)
                : string.IsNullOrEmpty(accountName)
                    ? null
                    : new Uri(string.Create(
                        CultureInfo.InvariantCulture, $"{protocol}://{accountName}.{service}.{suffix}"));

        var blob = Endpoint("BlobEndpoint", "blob");
        var queue = Endpoint("QueueEndpoint", "queue");
        var table = Endpoint("TableEndpoint", "table");
        if (blob is null && queue is null && table is null)
        {
            throw new FormatException("The connection string names no endpoint and no AccountName.");
        }

        return new StorageConnectionString(accountName, key, string.IsNullOrEmpty(sas) ? null : sas, blob, queue, table);
    }

    /// <summary>True for <c>UseDevelopmentStorage=true</c> (the emulator on its default ports).</summary>
    public static bool IsDevelopmentStorage(string? connectionString) =>
        TryParse(connectionString, out var parsed) && parsed!.IsDevelopment;

    /// <summary>Parsed from <c>UseDevelopmentStorage=true</c>.</summary>
    public bool IsDevelopment { get; private init; }

    public static bool TryParse(string? connectionString, out StorageConnectionString? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        try
        {
            result = Parse(connectionString);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Names only the parts present, never their values.</summary>
    public override string ToString() =>
        string.Join(';', new[]
        {
            AccountName is null ? null : "AccountName=" + AccountName,
            SharedKeyCredential is null ? null : "AccountKey=***",
            SharedAccessSignature is null ? null : "SharedAccessSignature=***",
            BlobEndpoint is null ? null : "BlobEndpoint=" + BlobEndpoint,
            QueueEndpoint is null ? null : "QueueEndpoint=" + QueueEndpoint,
            TableEndpoint is null ? null : "TableEndpoint=" + TableEndpoint,
        }.Where(s => s is not null));

    private static StorageConnectionString Development => new(
        DevelopmentAccountName,
        new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
        null,
        new Uri("http://127.0.0.1:10000/devstoreaccount1"),
        new Uri("http://127.0.0.1:10001/devstoreaccount1"),
        new Uri("http://127.0.0.1:10002/devstoreaccount1"))
    {
        IsDevelopment = true,
    };

    private static Dictionary<string, string> Split(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split on the first '=' only: base64 keys and SAS queries contain '=' themselves.
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException("Connection string segments must look like Name=Value.");
            }

            var name = segment[..eq].Trim();
            if (!settings.TryAdd(name, segment[(eq + 1)..].Trim()))
            {
                throw new FormatException($"The connection string sets '{name}' twice.");
            }
        }

        return settings;
    }

    private static Uri ParseEndpoint(string name, string value) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException($"{name} is not an absolute http(s) URI.");
}

/// <summary>The storage services these clients talk to.</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}
