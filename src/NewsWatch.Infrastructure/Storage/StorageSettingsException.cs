namespace NewsWatch.Infrastructure.Storage;

/// <summary>
/// The storage settings (<c>AzureWebJobsStorage</c> or its identity-based children) are missing or malformed: an
/// operator's mistake to fix in app settings, reported as such rather than as a crash.
/// </summary>
public sealed class StorageSettingsException(string message) : InvalidOperationException(message);
