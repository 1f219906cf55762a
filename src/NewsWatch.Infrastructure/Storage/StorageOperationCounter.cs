using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsWatch.Infrastructure.Storage;

/// <summary>
/// Counts the HTTP requests every storage client sends (tables and queues, retries included: each is an operation
/// the account is billed for and waits on). Added to the clients' pipelines per retry, so it sees what goes on the
/// wire, not what the code meant to do. One instance per service provider: no process-wide state.
/// </summary>
public sealed class StorageOperationCounter : HttpPipelineSynchronousPolicy
{
    private long _total;
    private long _queries;
    private long _writes;
    private readonly ConcurrentDictionary<string, long> _byResource = new(StringComparer.Ordinal);

    /// <summary>Requests by method and first path segment (the table or queue, "Tables" for table management), for finding what costs most.</summary>
    public IReadOnlyDictionary<string, long> ByResource => _byResource;

    /// <summary>Requests sent.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Table queries (GET with a filter): what the story index's "at most 3 queries" counts.</summary>
    public long Queries => Interlocked.Read(ref _queries);

    /// <summary>Requests that change data (POST, PUT, MERGE, PATCH, DELETE).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _total);
        var request = message.Request;
        var path = request.Uri.Path.TrimStart('/');
        // Azurite puts the account name first in the path; the cloud endpoints do not.
        if (path.StartsWith("devstoreaccount1/", StringComparison.Ordinal))
        {
            path = path["devstoreaccount1/".Length..];
        }

        var resource = path.Split('/', '(')[0];
        _byResource.AddOrUpdate(request.Method.Method + " " + resource, 1, (_, n) => n + 1);
        if (request.Method == RequestMethod.Get)
        {
            if (request.Uri.Query.Contains("%24filter", StringComparison.OrdinalIgnoreCase) || request.Uri.Query.Contains("$filter", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _queries);
            }
        }
        else if (request.Method != RequestMethod.Head)
        {
            Interlocked.Increment(ref _writes);
        }
    }
}
