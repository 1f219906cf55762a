using System.Globalization;
using System.Net;
using System.Text;
using NewsWatch.Storage;

namespace NewsWatch.Cli.Benchmarks.Storage;

/// <summary>
/// The ceiling: the same REST calls with a bare HttpClient, signed by the same <see cref="SharedKeySigner"/>, with
/// only the response parsing the operation needs (the receive's id and pop receipt, the get's status).
/// </summary>
internal sealed class BareHttpBenchTarget : IStorageBenchTarget
{
    private const string QueueVersion = "2025-11-05";
    private const string TableVersion = "2019-02-02";

    private readonly HttpClient _http;
    private readonly StorageSharedKeyCredential _key;
    private long _retries;
    private readonly Uri _queueEndpoint;
    private readonly Uri _tableEndpoint;

    public BareHttpBenchTarget(StorageConnectionString connection, HttpClient http)
    {
        _http = http;
        _key = connection.SharedKeyCredential
            ?? throw new InvalidOperationException("The bare HttpClient baseline signs with the account key; the connection string has none.");
        _queueEndpoint = connection.GetEndpoint(StorageService.Queue);
        _tableEndpoint = connection.GetEndpoint(StorageService.Table);
    }

    public string Name => "bare HttpClient";

    /// <summary>Requests sent a second time after no answer came (the clients' retry policy does the same).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public async Task SendReceiveDeleteAsync(int worker, CancellationToken cancellationToken)
    {
        var messages = _queueEndpoint.AbsoluteUri + "/" + BenchResources.QueueName(worker) + "/messages";
        var text = Convert.ToBase64String(Encoding.UTF8.GetBytes(BenchResources.MessageText(worker)));
        var body = "<QueueMessage><MessageText>" + text + "</MessageText></QueueMessage>";
        using (var put = await SendAsync(HttpMethod.Post, new Uri(messages), SharedKeyScheme.BlobQueue, QueueVersion, body, "application/xml", null, cancellationToken))
        {
            Expect(put, HttpStatusCode.Created);
        }

        string id, popReceipt;
        while (true)
        {
            using var get = await SendAsync(HttpMethod.Get, new Uri(messages + "?numofmessages=1"), SharedKeyScheme.BlobQueue, QueueVersion, null, null, null, cancellationToken);
            Expect(get, HttpStatusCode.OK);
            var xml = await get.Content.ReadAsStringAsync(cancellationToken);
            if (Element(xml, "MessageId") is { } foundId && Element(xml, "PopReceipt") is { } foundReceipt)
            {
                (id, popReceipt) = (foundId, foundReceipt);
                break;
            }
        }

        var delete = new Uri(messages + "/" + id + "?popreceipt=" + Uri.EscapeDataString(popReceipt));
        using var deleted = await SendAsync(HttpMethod.Delete, delete, SharedKeyScheme.BlobQueue, QueueVersion, null, null, null, cancellationToken);
        Expect(deleted, HttpStatusCode.NoContent);
    }

    public async Task UpsertGetAsync(int worker, CancellationToken cancellationToken)
    {
        var entityUri = new Uri(_tableEndpoint.AbsoluteUri + "/" + BenchResources.TableName +
            "(PartitionKey='" + BenchResources.PartitionKey + "',RowKey='" + BenchResources.RowKey(worker) + "')");
        var json = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"PartitionKey\":\"{BenchResources.PartitionKey}\",\"RowKey\":\"{BenchResources.RowKey(worker)}\",\"Title\":\"Benchmark article\"," +
            $"\"Score@odata.type\":\"Edm.Double\",\"Score\":0.75,\"Seen\":3,\"UpdatedAt@odata.type\":\"Edm.DateTime\",\"UpdatedAt\":\"{DateTimeOffset.UtcNow.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}\"}}");
        using (var upsert = await SendAsync(HttpMethod.Patch, entityUri, SharedKeyScheme.Table, TableVersion, json, "application/json", "application/json;odata=nometadata", cancellationToken))
        {
            Expect(upsert, HttpStatusCode.NoContent);
        }

        using var get = await SendAsync(HttpMethod.Get, entityUri, SharedKeyScheme.Table, TableVersion, null, null, "application/json;odata=minimalmetadata", cancellationToken);
        Expect(get, HttpStatusCode.OK);
        var entity = await get.Content.ReadAsStringAsync(cancellationToken);
        if (!entity.Contains("\"Seen\":3", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The entity read back differs from the one written.");
        }
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} answered {(int)response.StatusCode}, expected {(int)status}.");
        }
    }

    private static string? Element(string xml, string name)
    {
        var open = xml.IndexOf("<" + name + ">", StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var start = open + name.Length + 2;
        var end = xml.IndexOf("</" + name + ">", start, StringComparison.Ordinal);
        return end < 0 ? null : xml[start..end];
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, Uri uri, SharedKeyScheme scheme, string version, string? body, string? contentType, string? accept,
        CancellationToken cancellationToken)
    {
        try
        {
            return await SendOnceAsync(method, uri, scheme, version, body, contentType, accept, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException { StatusCode: null } || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No answer at all (connection dropped, or the per-try timeout): one more try, as any real caller would.
            Interlocked.Increment(ref _retries);
            return await SendOnceAsync(method, uri, scheme, version, body, contentType, accept, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpMethod method, Uri uri, SharedKeyScheme scheme, string version, string? body, string? contentType, string? accept,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        var headers = new List<KeyValuePair<string, string>>(6)
        {
            new("x-ms-date", DateTime.UtcNow.ToString("R", CultureInfo.InvariantCulture)),
            new("x-ms-version", version),
        };
        if (accept is not null)
        {
            headers.Add(new("Accept", accept));
            headers.Add(new("DataServiceVersion", "3.0"));
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            headers.Add(new("Content-Type", contentType!));
            headers.Add(new("Content-Length", bytes.Length.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var (name, value) in headers)
        {
            if (name is not ("Content-Type" or "Content-Length"))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", SharedKeySigner.CreateAuthorizationHeader(_key, scheme, method.Method, uri, headers));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(BenchHttp.TryTimeout);
        var response = await _http.SendAsync(request, timeout.Token);

        // Read the body under the same limit, as Azure.Core's response buffering does for the clients.
        await response.Content.LoadIntoBufferAsync(timeout.Token);
        return response;
    }
}
