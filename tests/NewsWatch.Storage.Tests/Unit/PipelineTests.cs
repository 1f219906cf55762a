using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Diagnostics;
using NewsWatch.Storage.Queues;
using NewsWatch.Storage.Tables;
using NewsWatch.Storage.Tests.Support;
using NewsWatch.Testing.Time;

namespace NewsWatch.Storage.Tests.Unit;

/// <summary>The Azure.Core pipeline as configured by the clients, against a scripted transport (no network).</summary>
public sealed class PipelineTests
{
    private const string Endpoint = "http://127.0.0.1:1/devstoreaccount1";
    private static readonly string ConnectionString =
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={StorageConnectionString.DevelopmentAccountKey};QueueEndpoint={Endpoint};TableEndpoint={Endpoint}";

    private static QueueClientOptions FastRetries(ScriptedHandler handler, int maxRetries = 3) => new()
    {
        Transport = handler.Transport(),
        Retry = { Delay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxRetries = maxRetries },
    };

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Transient_statuses_are_retried_until_success(int status)
    {
        var handler = new ScriptedHandler((n, _) => n <= 2
            ? ScriptedHandler.Reply((HttpStatusCode)status, null, ("Retry-After", "0"))
            : ScriptedHandler.Reply(HttpStatusCode.Created));
        var queue = new QueueClient(ConnectionString, "jobs", FastRetries(handler));

        var response = await queue.CreateAsync();

        Assert.Equal(201, response.Status);
        Assert.Equal(3, handler.Sent.Count);
    }

    [Theory]
    [InlineData(400, "InvalidInput")]
    [InlineData(403, "AuthenticationFailed")]
    [InlineData(404, "QueueNotFound")]
    [InlineData(409, "QueueBeingDeleted")]
    [InlineData(412, "ConditionNotMet")]
    public async Task Other_errors_fail_at_once_with_status_code_and_request_id(int status, string code)
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>Something went wrong.\nRequestId:rid-42</Message></Error>";
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Reply(
            (HttpStatusCode)status, xml, ("x-ms-error-code", code), ("x-ms-request-id", "rid-42"), ("Content-Type", "application/xml")));
        var queue = new QueueClient(ConnectionString, "jobs", FastRetries(handler));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.CreateAsync());

        Assert.Single(handler.Sent);
        Assert.Equal(status, ex.Status);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Contains("rid-42", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Something went wrong.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("rid-42", ex.GetRawResponse()!.Headers.RequestId);
    }

    [Fact]
    public async Task Table_json_errors_give_code_and_message()
    {
        const string json = "{\"odata.error\":{\"code\":\"UpdateConditionNotSatisfied\",\"message\":{\"lang\":\"en-US\",\"value\":\"The update condition specified in the request was not satisfied.\"}}}";
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Reply(
            HttpStatusCode.PreconditionFailed, json, ("Content-Type", "application/json"), ("x-ms-request-id", "rid-7")));
        var table = new TableClient(ConnectionString, "Jobs", new TableClientOptions { Transport = handler.Transport() });

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.UpdateEntityAsync(new TableEntity("p", "r"), new ETag("W/\"x\"")));

        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.Contains("update condition", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rid-7", ex.Message, StringComparison.Ordinal);
        Assert.Equal("W/\"x\"", handler.Sent[0].Headers["If-Match"]);
    }

    [Fact]
    public void Retry_after_from_the_service_outweighs_a_short_backoff()
    {
        // The pipeline's RetryPolicy delays by DelayStrategy.GetNextDelay, which takes the larger of the backoff
        // and the server's Retry-After / retry-after-ms / x-ms-retry-after-ms (capped by MaxDelay).
        var strategy = DelayStrategy.CreateExponentialDelayStrategy(TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        var seconds = new TransactionPartResponse(503, "Server Busy");
        seconds.AddHeader("Retry-After", "7");
        var millis = new TransactionPartResponse(429, "Too Many Requests");
        millis.AddHeader("x-ms-retry-after-ms", "2500");

        Assert.True(strategy.GetNextDelay(seconds, 1) >= TimeSpan.FromSeconds(7));
        Assert.True(strategy.GetNextDelay(millis, 1) >= TimeSpan.FromMilliseconds(2500));
    }

    [Fact]
    public async Task Each_try_is_dated_by_the_time_provider_and_signed_again()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var handler = new ScriptedHandler((n, _) =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return ScriptedHandler.Reply(n == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Created);
        });
        var options = FastRetries(handler);
        options.TimeProvider = clock;
        var queue = new QueueClient(ConnectionString, "jobs", options);

        await queue.CreateAsync();

        var (first, second) = (handler.Sent[0], handler.Sent[1]);
        Assert.Equal("Mon, 01 Jan 2024 00:00:00 GMT", first.Headers["x-ms-date"]);
        Assert.Equal("Mon, 01 Jan 2024 00:00:01 GMT", second.Headers["x-ms-date"]);
        Assert.Equal("2025-11-05", first.Headers["x-ms-version"]);
        Assert.NotEqual(first.Headers["Authorization"], second.Headers["Authorization"]);

        // What was sent is exactly what the signer computes for those headers.
        var expected = SharedKeySigner.CreateAuthorizationHeader(
            new StorageSharedKeyCredential("devstoreaccount1", StorageConnectionString.DevelopmentAccountKey),
            SharedKeyScheme.BlobQueue, "PUT", second.Uri, second.Headers.Where(h => h.Key != "Authorization"));
        Assert.Equal(expected, second.Headers["Authorization"]);
    }

    [Fact]
    public async Task Table_requests_use_the_table_version_and_scheme()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Reply(HttpStatusCode.NoContent));
        var table = new TableClient(ConnectionString, "Jobs", new TableClientOptions { Transport = handler.Transport() });

        await table.UpsertEntityAsync(new TableEntity("o'brien", "a b") { ["V"] = 1 });

        var sent = handler.Sent[0];
        Assert.Equal("2019-02-02", sent.Headers["x-ms-version"]);
        Assert.Equal("PATCH", sent.Method);
        Assert.Equal("/devstoreaccount1/Jobs(PartitionKey='o''brien',RowKey='a b')", Uri.UnescapeDataString(sent.Uri.AbsolutePath));
        var expected = SharedKeySigner.CreateAuthorizationHeader(
            new StorageSharedKeyCredential("devstoreaccount1", StorageConnectionString.DevelopmentAccountKey),
            SharedKeyScheme.Table, "PATCH", sent.Uri, sent.Headers.Where(h => h.Key != "Authorization"));
        Assert.Equal(expected, sent.Headers["Authorization"]);
        Assert.False(sent.Headers.ContainsKey("If-Match"));
    }

    [Fact]
    public async Task Sas_is_appended_once_even_when_retried_and_no_authorization_is_sent()
    {
        var handler = new ScriptedHandler((n, _) => ScriptedHandler.Reply(n == 1 ? HttpStatusCode.InternalServerError : HttpStatusCode.Created));
        var queue = new QueueClient(new Uri(Endpoint + "/jobs"), new AzureSasCredential("sv=2025-11-05&ss=q&sig=SECRET%2Fsig"), FastRetries(handler));

        await queue.CreateAsync();

        Assert.All(handler.Sent, s =>
        {
            Assert.Equal("?sv=2025-11-05&ss=q&sig=SECRET%2Fsig", s.Uri.Query);
            Assert.False(s.Headers.ContainsKey("Authorization"));
        });
    }

    [Fact]
    public async Task Sas_inside_the_url_is_used_as_credential()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Reply(HttpStatusCode.NoContent));
        var queue = new QueueClient(new Uri(Endpoint + "/jobs?sv=1&sig=abc"), FastRetries(handler));

        await queue.ClearMessagesAsync();

        Assert.Equal("jobs", queue.Name);
        Assert.Equal("/devstoreaccount1/jobs/messages", handler.Sent[0].Uri.AbsolutePath);
        Assert.Equal("?sv=1&sig=abc", handler.Sent[0].Uri.Query);
    }

    [Fact]
    public async Task Token_credential_sends_a_bearer_token_for_the_storage_scope()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Reply(HttpStatusCode.NoContent));
        var credential = new RecordingCredential();
        var table = new TableClient(new Uri("https://news.table.core.windows.net"), "Jobs", credential, new TableClientOptions { Transport = handler.Transport() });

        await table.DeleteEntityAsync("p", "r");

        Assert.Equal("Bearer token-123", handler.Sent[0].Headers["Authorization"]);
        Assert.Equal("*", handler.Sent[0].Headers["If-Match"]);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
    }

    [Fact]
    public async Task A_try_that_never_answers_times_out_and_is_retried()
    {
        var handler = new ScriptedHandler(async (int _, CancellationToken ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return ScriptedHandler.Reply(HttpStatusCode.Created);
        });
        var options = FastRetries(handler, maxRetries: 2);
        options.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(200);
        var queue = new QueueClient(ConnectionString, "jobs", options);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.CreateAsync());

        Assert.Equal(0, ex.Status);
        Assert.Equal(3, handler.Sent.Count);
        Assert.Contains("3 attempt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/devstoreaccount1/jobs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_turned_into_a_service_error()
    {
        var handler = new ScriptedHandler(async (int _, CancellationToken ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return ScriptedHandler.Reply(HttpStatusCode.Created);
        });
        var queue = new QueueClient(ConnectionString, "jobs", FastRetries(handler));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.CreateAsync(cts.Token));
    }

    [Fact]
    public async Task Secrets_never_reach_exception_messages_or_logs()
    {
        // Azure's 403 quotes the request's MAC; Azurite's does not. Either way it must not reach the message.
        const string mac = "gFH3kVD8pzSg7oLJJLL6L80YYkssNJZ6h0At3UkWO7M=";
        var body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message>" +
                   $"<AuthenticationErrorDetail>The MAC signature found in the HTTP request '{mac}' is not the same as any computed signature. sig=SECRETSIG</AuthenticationErrorDetail></Error>";
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Reply(
            HttpStatusCode.Forbidden, body, ("x-ms-error-code", "AuthenticationFailed"), ("Content-Type", "application/xml")));
        var events = new ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener((e, _) => events.Enqueue(string.Join(" ", e.Payload ?? [])), EventLevel.Verbose);

        var keyed = new QueueClient(ConnectionString, "jobs", FastRetries(handler));
        var keyedError = await Assert.ThrowsAsync<RequestFailedException>(() => keyed.CreateAsync());
        var sas = new QueueClient(new Uri(Endpoint + "/jobs"), new AzureSasCredential("sv=2025-11-05&sig=SECRETSIG"), FastRetries(handler));
        var sasError = await Assert.ThrowsAsync<RequestFailedException>(() => sas.CreateAsync());

        var authorization = handler.Sent[0].Headers["Authorization"];
        var signature = authorization[(authorization.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var everything = string.Join("\n", events) + keyedError + sasError;
        Assert.Equal(403, keyedError.Status);
        Assert.Equal("AuthenticationFailed", keyedError.ErrorCode);
        Assert.NotEmpty(events);
        Assert.DoesNotContain(StorageConnectionString.DevelopmentAccountKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(mac, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETSIG", everything, StringComparison.Ordinal);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new AccessToken("token-123", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
