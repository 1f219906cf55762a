using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using NewsWatch.Storage.Pipeline;

namespace NewsWatch.Storage.Tables;

/// <summary>
/// The <c>$batch</c> wire format: a multipart/mixed body holding one changeset of HTTP requests, and the
/// multipart response holding one HTTP response per operation (or just the failing one).
/// </summary>
internal sealed class TableTransactionSerializer(Uri endpoint, Uri tableUri)
{
    private const string Crlf = "\r\n";

    public Uri BatchUri { get; } = StorageUris.Append(endpoint, "$batch");

    public (string ContentType, byte[] Body) Serialize(IReadOnlyList<TableTransactionAction> actions)
    {
        Validate(actions);
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var sb = new StringBuilder(1024);
        sb.Append("--").Append(batch).Append(Crlf)
          .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append(Crlf).Append(Crlf);
        for (var i = 0; i < actions.Count; i++)
        {
            try
            {
                AppendOperation(sb, changeset, actions[i]);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"Transaction action {i}: {ex.Message}", nameof(actions), ex);
            }
        }

        sb.Append("--").Append(changeset).Append("--").Append(Crlf)
          .Append("--").Append(batch).Append("--").Append(Crlf);
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        if (body.Length > TableRules.MaxBatchBytes)
        {
            throw new ArgumentException(
                $"The transaction body is {body.Length} bytes; the Table service accepts at most {TableRules.MaxBatchBytes} (4 MiB).",
                nameof(actions));
        }

        return ("multipart/mixed; boundary=" + batch, body);
    }

    /// <summary>One response per action; throws <see cref="TableTransactionFailedException"/> when any part failed.</summary>
    public static IReadOnlyList<Response> ReadResponse(Response response, IReadOnlyList<TableTransactionAction> actions)
    {
        var parts = ParseParts(response.Content.ToString());
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
        {
            throw CreateFailure(response, failed, actions);
        }

        if (parts.Count != actions.Count)
        {
            throw new RequestFailedException(
                response.Status,
                $"The transaction response held {parts.Count} results for {actions.Count} actions.");
        }

        return parts;
    }

    private static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (actions.Count > TableRules.MaxBatchOperations)
        {
            throw new ArgumentException(
                $"A transaction holds at most {TableRules.MaxBatchOperations} actions; this one has {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity;
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                // Azure rejects this (CommandsInBatchActOnDifferentPartitions); the emulator does not, so check here.
                throw new ArgumentException(
                    $"All actions of a transaction must share one PartitionKey; action {i} has '{entity.PartitionKey}', action 0 has '{partition}'.",
                    nameof(actions));
            }

            if (!seen.Add(entity.RowKey ?? string.Empty))
            {
                throw new ArgumentException(
                    $"Action {i} touches RowKey '{entity.RowKey}' again; a transaction may act on each entity only once.", nameof(actions));
            }
        }
    }

    private void AppendOperation(StringBuilder sb, string changeset, TableTransactionAction action)
    {
        var entity = action.Entity;
        var (method, hasBody, ifMatch) = action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", true, null),
            TableTransactionActionType.UpdateMerge => ("MERGE", true, TableClient.IfMatchValue(action.ETag)),
            TableTransactionActionType.UpdateReplace => ("PUT", true, TableClient.IfMatchValue(action.ETag)),
            TableTransactionActionType.Delete => ("DELETE", false, TableClient.IfMatchValue(action.ETag)),
            TableTransactionActionType.UpsertMerge => ("MERGE", true, (string?)null),
            TableTransactionActionType.UpsertReplace => ("PUT", true, null),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action type."),
        };

        var json = hasBody ? Encoding.UTF8.GetString(TableClient.SerializeChecked(entity)) : null;

        var target = action.ActionType == TableTransactionActionType.Add
            ? tableUri.AbsoluteUri
            : TableUris.Entity(tableUri, entity.PartitionKey, entity.RowKey);

        sb.Append("--").Append(changeset).Append(Crlf)
          .Append("Content-Type: application/http").Append(Crlf)
          .Append("Content-Transfer-Encoding: binary").Append(Crlf).Append(Crlf)
          .Append(method).Append(' ').Append(target).Append(" HTTP/1.1").Append(Crlf)
          .Append("Accept: ").Append(TableClient.AcceptNoMetadata).Append(Crlf)
          .Append("DataServiceVersion: 3.0").Append(Crlf);
        if (action.ActionType == TableTransactionActionType.Add)
        {
            sb.Append("Prefer: return-no-content").Append(Crlf);
        }

        if (ifMatch is not null)
        {
            sb.Append("If-Match: ").Append(ifMatch).Append(Crlf);
        }

        if (json is not null)
        {
            sb.Append("Content-Type: ").Append(TableClient.JsonContentType).Append(Crlf).Append(Crlf)
              .Append(json).Append(Crlf);
        }
        else
        {
            sb.Append(Crlf);
        }
    }

    /// <summary>Reads every embedded <c>HTTP/1.1 status</c> block: its headers and (single-part) body.</summary>
    private static List<TransactionPartResponse> ParseParts(string body)
    {
        var parts = new List<TransactionPartResponse>();
        TransactionPartResponse? current = null;
        var inBody = false;
        var content = new StringBuilder();
        foreach (var rawLine in body.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith("HTTP/1.", StringComparison.Ordinal))
            {
                Finish();
                var fields = line.Split(' ', 3);
                current = new TransactionPartResponse(
                    int.Parse(fields[1], CultureInfo.InvariantCulture), fields.Length > 2 ? fields[2] : string.Empty);
                inBody = false;
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (line.StartsWith("--", StringComparison.Ordinal))
            {
                Finish();
                continue;
            }

            if (!inBody)
            {
                if (line.Length == 0)
                {
                    inBody = true;
                }
                else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                {
                    current.AddHeader(line[..colon].Trim(), line[(colon + 1)..].Trim());
                }
            }
            else
            {
                content.Append(line);
            }
        }

        Finish();
        return parts;

        void Finish()
        {
            if (current is not null)
            {
                current.SetContent(content.ToString());
                parts.Add(current);
                current = null;
            }

            content.Clear();
            inBody = false;
        }
    }

    private static TableTransactionFailedException CreateFailure(
        Response outer, TransactionPartResponse failed, IReadOnlyList<TableTransactionAction> actions)
    {
        string? code = null, text = null;
        try
        {
            using var doc = JsonDocument.Parse(failed.Content);
            if (doc.RootElement.TryGetProperty("odata.error", out var error))
            {
                code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                text = error.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not every failure carries OData JSON; the status alone still says what happened.
        }

        // The service prefixes the message with the failing operation's index: "2:The specified resource does not exist."
        int? index = null;
        if (text is not null && text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            && int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            && parsed >= 0 && parsed < actions.Count)
        {
            index = parsed;
            text = text[(colon + 1)..];
        }
        else if (actions.Count == 1)
        {
            index = 0;
        }

        var action = index is { } i ? actions[i] : null;
        outer.Headers.TryGetValue(StorageHeaders.RequestId, out var requestId);
        var where = action is null
            ? "An action"
            : $"Action {index} ({action.ActionType} PartitionKey '{action.Entity.PartitionKey}', RowKey '{action.Entity.RowKey}')";
        var message = $"{where} of the table transaction failed with {failed.Status} {code}: " +
            $"{SecretScrubber.Scrub(text?.Trim() ?? failed.ReasonPhrase)} Nothing in the transaction was written. RequestId: {requestId}";
        return new TableTransactionFailedException(failed.Status, message, code, index, action);
    }
}
