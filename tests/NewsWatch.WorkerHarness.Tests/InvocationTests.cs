using Azure.Storage.Queues;
using NewsWatch.Articles;
using NewsWatch.Pipeline;

namespace NewsWatch.WorkerHarness.Tests;

/// <summary>Invocations shaped like the host's, against the real published worker, Azurite and loopback sites.</summary>
[Trait("Category", "Protocol")]
[Collection(WorkerCollection.Name)]
public sealed class InvocationTests(WorkerFixture worker)
{
    private const string SamplePage = "news/china-green-light-xiaomi-ev-venture.html";

    [Fact]
    public async Task A_timer_invocation_queues_the_sample_feed_items_on_the_configured_queue()
    {
        var result = await worker.Host.InvokeTimerAsync("PollFeeds");

        Assert.True(result.Succeeded, $"{result.ExceptionType}: {result.ExceptionMessage}");
        var queue = new QueueClient(worker.StorageConnection, worker.ArticlesQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var peeked = (await queue.PeekMessagesAsync(maxMessages: 32)).Value;
        var messages = peeked.Select(m => ArticleMessage.Parse(m.Body.ToString())).ToList();
        Assert.Equal(5, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Equal("sample", m.FeedId);
            Assert.Equal(worker.Sample.BaseUrl.Authority, m.Url.Authority);
        });
        // The function's own ILogger line travelled back as an RpcLog tagged with this invocation.
        Assert.Contains(result.Logs, l => l.Message.Contains("5 items queued", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_queue_invocation_with_the_host_payload_stores_the_article_and_binds_the_trigger_metadata()
    {
        var url = new Uri(worker.Sample.BaseUrl, SamplePage);
        var message = new ArticleMessage("sample", "harness-queue-1", url, "China gives green light", null, DateTimeOffset.UtcNow).ToJson();

        var result = await worker.Host.InvokeQueueAsync("ProcessArticle", message, dequeueCount: 3, messageId: "msg-harness-1");

        Assert.True(result.Succeeded, $"{result.ExceptionType}: {result.ExceptionMessage}");
        var stored = Assert.Single(await worker.ArticlesAsync(), a => a.Url == url);
        Assert.Equal(ArticleStatus.Stored, stored.Status);
        Assert.Equal("China gives green light for Xiaomi’s EV venture", stored.Title);
        // `long dequeueCount, string id` are bound from the trigger metadata, not from the message.
        Assert.Contains(result.Logs, l => l.Message.Contains("Message msg-harness-1 (attempt 3)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_transient_failure_comes_back_as_a_failed_invocation()
    {
        worker.Failing.Serve("/down.html", "maintenance", "text/plain", status: 503);
        var url = worker.Failing.Url("/down.html");
        var message = new ArticleMessage("sample", "harness-down-1", url, "down", null, DateTimeOffset.UtcNow).ToJson();

        var result = await worker.Host.InvokeQueueAsync("ProcessArticle", message, dequeueCount: 1, messageId: "msg-harness-down");

        Assert.False(result.Succeeded);
        Assert.Equal("Failure", result.Status);
        // The fetch's own error, not some unrelated failure: HTTP 503 from the page is what made it transient.
        Assert.Contains("HTTP 503", result.ExceptionMessage ?? string.Empty, StringComparison.Ordinal);
        Assert.True(worker.Failing.Hits("/down.html") >= 1);
        Assert.DoesNotContain(await worker.ArticlesAsync(), a => a.Url == url && a.Status == ArticleStatus.Stored);
    }

    [Fact]
    public async Task A_message_that_is_not_an_article_message_fails_so_the_host_would_retry_it_into_poison()
    {
        var result = await worker.Host.InvokeQueueAsync("ProcessArticle", "not json at all");

        Assert.False(result.Succeeded);
        Assert.Contains("not valid JSON", result.ExceptionMessage ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_route_answers_over_the_workers_http_proxy()
    {
        var result = await worker.Host.InvokeHttpAsync("Status", "/api/status");

        Assert.True(result.Invocation.Succeeded, $"{result.Invocation.ExceptionType}: {result.Invocation.ExceptionMessage}");
        Assert.Equal(200, result.StatusCode);
        Assert.StartsWith("application/json", result.ContentType, StringComparison.Ordinal);
        Assert.Contains("\"articles\"", result.Body, StringComparison.Ordinal);
    }
}
