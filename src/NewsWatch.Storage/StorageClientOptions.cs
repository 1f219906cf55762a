using Azure.Core;

namespace NewsWatch.Storage;

/// <summary>
/// What the Queue, Table and Blob client options share: retry/transport/diagnostics from Azure.Core, the clock
/// used for <c>x-ms-date</c>, and the REST version each service is spoken in.
/// </summary>
public abstract class StorageClientOptions : ClientOptions
{
    // Safe to show in logs and exception messages; everything else is redacted by Azure.Core's sanitizer,
    // which is how Authorization, SAS "sig" and pop receipts stay out of logs.
    private static readonly string[] SafeHeaders =
    [
        "x-ms-error-code", "x-ms-request-id", "x-ms-version", "x-ms-date", "x-ms-approximate-messages-count",
        "x-ms-time-next-visible", "x-ms-lease-action", "x-ms-lease-duration", "x-ms-lease-state", "x-ms-lease-status",
        "x-ms-lease-time", "x-ms-lease-break-period", "x-ms-blob-type", "x-ms-continuation-NextPartitionKey",
        "x-ms-continuation-NextRowKey", "DataServiceVersion", "MaxDataServiceVersion", "Prefer", "Preference-Applied",
        "Content-Range", "Accept-Ranges", "Vary", "Last-Modified",
    ];

    private static readonly string[] SafeQueryParameters =
    [
        "comp", "restype", "numofmessages", "visibilitytimeout", "messagettl", "peekonly", "$top", "$select",
        "timeout",
    ];

    protected StorageClientOptions(string serviceVersion)
    {
        ServiceVersion = serviceVersion;
        foreach (var header in SafeHeaders)
        {
            Diagnostics.LoggedHeaderNames.Add(header);
        }

        foreach (var parameter in SafeQueryParameters)
        {
            Diagnostics.LoggedQueryParameters.Add(parameter);
        }
    }

    /// <summary>The <c>x-ms-version</c> sent with every request.</summary>
    public string ServiceVersion { get; set; }

    /// <summary>The clock for <c>x-ms-date</c>; swap it in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
