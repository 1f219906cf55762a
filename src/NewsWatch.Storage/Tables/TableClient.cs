using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using NewsWatch.Storage.Pipeline;

namespace NewsWatch.Storage.Tables;

/// <summary>
/// One table: create/delete it, add, upsert, update (optimistic concurrency by ETag), delete, get and query
/// entities, and submit entity group transactions. Shaped like Azure.Data.Tables' TableClient.
/// </summary>
public class TableClient
{
    internal const string JsonContentType = "application/json";
    internal const string AcceptNoMetadata = "application/json;odata=nometadata";
    internal const string AcceptMinimalMetadata = "application/json;odata=minimalmetadata";
    private const string ContinuationPartitionKey = "x-ms-continuation-NextPartitionKey";
    private const string ContinuationRowKey = "x-ms-continuation-NextRowKey";

    private readonly StoragePipeline _pipeline = null!;
    private readonly Uri _tablesUri = null!;
    private readonly TableTransactionSerializer _transactions = null!;

    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), tableName, options)
    {
    }

    public TableClient(Uri endpoint, string tableName, StorageSharedKeyCredential credential, TableClientOptions? options = null)
        : this(endpoint, tableName, StorageAuthentication.SharedKey(credential), options)
    {
    }

    public TableClient(Uri endpoint, string tableName, AzureSasCredential credential, TableClientOptions? options = null)
        : this(endpoint, tableName, StorageAuthentication.Sas(credential), options)
    {
    }

    /// <summary>Microsoft Entra ID (e.g. managed identity); the endpoint must be https.</summary>
    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(endpoint, tableName, StorageAuthentication.Token(credential), options)
    {
    }

    /// <summary>For mocking.</summary>
    protected TableClient()
    {
        Name = null!;
        AccountName = null!;
        Uri = null!;
    }

    private TableClient(StorageConnectionString connectionString, string tableName, TableClientOptions? options)
        : this(
            connectionString.GetEndpoint(StorageService.Table),
            tableName,
            StorageAuthentication.FromConnectionString(connectionString),
            options)
    {
    }

    private TableClient(Uri endpoint, string tableName, StorageAuthentication authentication, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        TableRules.ValidateTableName(tableName);
        (endpoint, var fromUri) = StorageAuthentication.FromUri(endpoint);
        if (authentication == StorageAuthentication.Anonymous)
        {
            authentication = fromUri;
        }

        Name = tableName;
        Uri = StorageUris.Append(endpoint, tableName);
        AccountName = authentication.AccountName ?? StorageUris.AccountName(endpoint);
        _tablesUri = StorageUris.Append(endpoint, "Tables");
        _pipeline = new StoragePipeline(options ?? new TableClientOptions(), authentication, SharedKeyScheme.Table);
        _transactions = new TableTransactionSerializer(endpoint, Uri);
    }

    public virtual string Name { get; }

    public virtual string AccountName { get; }

    public virtual Uri Uri { get; }

    /// <summary>
    /// Builds a <c>$filter</c> from an interpolated string with every value escaped as an OData literal:
    /// <c>TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from}")</c>.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter) => TableFilter.Create(filter);

    public virtual async Task<Response<TableItem>> CreateAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendCreateTableAsync(StatusCodes.NoContent, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new TableItem(Name), response);
    }

    /// <summary>Creates the table unless it exists; either way the result names it.</summary>
    public virtual async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendCreateTableAsync(StatusCodes.NoContentOrConflict, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new TableItem(Name), response);
    }

    /// <summary>Deletes the table; a table that does not exist is not an error (as in the Azure SDK).</summary>
    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        var message = CreateMessage(RequestMethod.Delete, TableUris.Table(_tablesUri, Name), StatusCodes.NoContentOrNotFound, AcceptNoMetadata);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts a new entity; 409 <c>EntityAlreadyExists</c> when the keys are taken.</summary>
    public virtual async Task<Response> AddEntityAsync<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        var body = SerializeChecked(entity);
        var message = CreateMessage(RequestMethod.Post, Uri, StatusCodes.NoContent, AcceptNoMetadata);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonBody(message.Request, body);
        return await SendWriteAsync(message, entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts, or replaces/merges into the existing entity, without any concurrency check.</summary>
    public virtual async Task<Response> UpsertEntityAsync<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>(
        T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        var body = SerializeChecked(entity);
        var message = CreateMessage(UpdateMethod(mode), EntityUri(entity.PartitionKey, entity.RowKey), StatusCodes.NoContent, AcceptNoMetadata);
        SetJsonBody(message.Request, body);
        return await SendWriteAsync(message, entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Updates an existing entity only if its ETag still equals <paramref name="ifMatch"/> (ETag.All: any version);
    /// otherwise 412 <c>UpdateConditionNotSatisfied</c>. A missing entity gives 404.
    /// </summary>
    public virtual async Task<Response> UpdateEntityAsync<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>(
        T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        var body = SerializeChecked(entity);
        var message = CreateMessage(UpdateMethod(mode), EntityUri(entity.PartitionKey, entity.RowKey), StatusCodes.NoContent, AcceptNoMetadata);
        message.Request.Headers.SetValue(StorageHeaders.IfMatch, IfMatchValue(ifMatch));
        SetJsonBody(message.Request, body);
        return await SendWriteAsync(message, entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an entity (only at <paramref name="ifMatch"/>, default any version); a missing one is not an error.</summary>
    public virtual async Task<Response> DeleteEntityAsync(
        string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        var message = CreateMessage(RequestMethod.Delete, EntityUri(partitionKey, rowKey), StatusCodes.NoContentOrNotFound, AcceptNoMetadata);
        message.Request.Headers.SetValue(StorageHeaders.IfMatch, IfMatchValue(ifMatch));
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one entity; 404 <c>ResourceNotFound</c> when there is none.</summary>
    public virtual Task<Response<TableEntity>> GetEntityAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        GetEntityAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);

    public virtual async Task<Response<T>> GetEntityAsync<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var response = await SendGetEntityAsync(partitionKey, rowKey, select, StatusCodes.Ok, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(TableEntityMapper.FromEntity<T>(ReadEntity(response)), response);
    }

    /// <summary>Reads one entity, or answers without a value (HasValue false) when there is none.</summary>
    public virtual Task<NullableResponse<TableEntity>> GetEntityIfExistsAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);

    public virtual async Task<NullableResponse<T>> GetEntityIfExistsAsync<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var response = await SendGetEntityAsync(partitionKey, rowKey, select, StatusCodes.OkOrNotFound, cancellationToken).ConfigureAwait(false);
        return response.Status == 404
            ? new ValuelessResponse<T>(response)
            : Response.FromValue(TableEntityMapper.FromEntity<T>(ReadEntity(response)), response);
    }

    /// <summary>
    /// Entities matching <paramref name="filter"/> (build it with <see cref="CreateQueryFilter"/>), page by page
    /// as the service returns them; enumerating follows continuation tokens to the end.
    /// </summary>
    /// <param name="maxPerPage">1–1000 (<c>$top</c>); the service never returns more than 1000 per page.</param>
    /// <param name="select">Only these properties (<c>$select</c>).</param>
    public virtual AsyncPageable<TableEntity> QueryAsync(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        QueryAsync<TableEntity>(filter, maxPerPage, select, cancellationToken);

    public virtual AsyncPageable<T> QueryAsync<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is { } top)
        {
            Guard.InRange(top, 1, TableRules.MaxPageSize, nameof(maxPerPage));
        }

        var selected = JoinSelect(select);
        return new StoragePageable<T>(
            (continuation, pageSizeHint, ct) => QueryPageAsync<T>(filter, pageSizeHint ?? maxPerPage, selected, continuation, ct),
            cancellationToken);
    }

    /// <summary>
    /// Runs up to 100 operations on one partition as a single all-or-nothing entity group transaction. When one
    /// fails nothing is written and a <see cref="TableTransactionFailedException"/> names the failing action.
    /// </summary>
    /// <returns>One response per action, in order (with the new ETag for writes).</returns>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        var actions = transactionActions.ToList();
        var batch = _transactions.Serialize(actions);
        var message = CreateMessage(RequestMethod.Post, _transactions.BatchUri, StatusCodes.Accepted, AcceptNoMetadata);
        message.Request.Headers.SetValue(StorageHeaders.ContentType, batch.ContentType);
        message.Request.Content = RequestContent.Create(batch.Body);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(TableTransactionSerializer.ReadResponse(response, actions), response);
    }

    internal static RequestMethod UpdateMethod(TableUpdateMode mode) => mode switch
    {
        TableUpdateMode.Merge => RequestMethod.Patch,
        TableUpdateMode.Replace => RequestMethod.Put,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    internal static string IfMatchValue(ETag etag) => etag == default || etag == ETag.All ? "*" : etag.ToString();

    internal static byte[] SerializeChecked<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>(T entity)
        where T : ITableEntity
    {
        var properties = TableEntityMapper.ToProperties(entity);
        TableRules.ValidateEntity(properties, nameof(entity));
        return TableEntityJson.Serialize(properties);
    }

    internal static void SetJsonBody(Request request, byte[] body)
    {
        request.Headers.SetValue(StorageHeaders.ContentType, JsonContentType);
        request.Content = RequestContent.Create(body);
    }

    private static string? JoinSelect(IEnumerable<string>? select)
    {
        if (select is null)
        {
            return null;
        }

        var joined = string.Join(',', select);
        return joined.Length == 0 ? null : joined;
    }

    private static TableEntity ReadEntity(Response response)
    {
        var etag = response.Headers.TryGetValue(StorageHeaders.ETag, out var header) ? new ETag(header) : default;
        try
        {
            using var doc = JsonDocument.Parse(response.Content);
            return TableEntityJson.Read(doc.RootElement, etag);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new RequestFailedException(response.Status, "The Table service returned an entity that could not be read.", ex);
        }
    }

    private Uri EntityUri(string partitionKey, string rowKey) => new(TableUris.Entity(Uri, partitionKey, rowKey));

    private HttpMessage CreateMessage(RequestMethod method, Uri uri, ResponseClassifier classifier, string accept)
    {
        var message = _pipeline.CreateMessage(method, uri, classifier);
        message.Request.Headers.SetValue(StorageHeaders.Accept, accept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        return message;
    }

    private async Task<Response> SendWriteAsync<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>(HttpMessage message, T entity, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);

        // Like the Azure SDK: the caller's object carries the new version, ready for the next conditional update.
        if (response.Headers.TryGetValue(StorageHeaders.ETag, out var etag))
        {
            entity.ETag = new ETag(etag);
        }

        return response;
    }

    private async Task<Response> SendCreateTableAsync(ResponseClassifier classifier, CancellationToken cancellationToken)
    {
        var message = CreateMessage(RequestMethod.Post, _tablesUri, classifier, AcceptNoMetadata);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", Name);
            writer.WriteEndObject();
        }

        SetJsonBody(message.Request, json.ToArray());
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Response> SendGetEntityAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select, ResponseClassifier classifier, CancellationToken cancellationToken)
    {
        var message = CreateMessage(RequestMethod.Get, EntityUri(partitionKey, rowKey), classifier, AcceptMinimalMetadata);
        if (JoinSelect(select) is { } selected)
        {
            message.Request.Uri.AppendQuery("$select", selected);
        }

        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Page<T>> QueryPageAsync<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>(
        string? filter, int? top, string? select, string? continuation, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var message = CreateMessage(RequestMethod.Get, TableUris.Query(Uri), StatusCodes.Ok, AcceptMinimalMetadata);
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter);
        }

        if (top is { } n)
        {
            uri.AppendQuery("$top", n.ToString(CultureInfo.InvariantCulture));
        }

        if (select is not null)
        {
            uri.AppendQuery("$select", select);
        }

        if (!string.IsNullOrEmpty(continuation))
        {
            var (nextPartition, nextRow) = SplitContinuation(continuation);
            uri.AppendQuery("NextPartitionKey", nextPartition);
            if (nextRow.Length > 0)
            {
                uri.AppendQuery("NextRowKey", nextRow);
            }
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        List<TableEntity> entities;
        try
        {
            entities = TableEntityJson.ReadPage(response.Content);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new RequestFailedException(response.Status, "The Table service returned a query page that could not be read.", ex);
        }

        var values = entities.Select(TableEntityMapper.FromEntity<T>).ToList();
        return Page<T>.FromValues(values, JoinContinuation(response), response);
    }

    /// <summary>The continuation is "NextPartitionKey NextRowKey"; the service's tokens never contain a space.</summary>
    private static string? JoinContinuation(Response response) =>
        response.Headers.TryGetValue(ContinuationPartitionKey, out var partition) && !string.IsNullOrEmpty(partition)
            ? partition + " " + (response.Headers.TryGetValue(ContinuationRowKey, out var row) ? row : string.Empty)
            : null;

    private static (string Partition, string Row) SplitContinuation(string continuation)
    {
        var space = continuation.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (continuation, string.Empty) : (continuation[..space], continuation[(space + 1)..]);
    }
}
