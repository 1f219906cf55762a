using Azure;
using NewsWatch.Storage.Queues;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    private async Task<QueueClient> NewQueueAsync(QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        var queue = new QueueClient(azurite.ConnectionString, AzuriteFixture.UniqueName("q"), new QueueClientOptions { MessageEncoding = encoding });
        Assert.NotNull(await queue.CreateIfNotExistsAsync());
        return queue;
    }

    [Fact]
    public async Task Create_exists_delete_lifecycle()
    {
        var queue = new QueueClient(azurite.ConnectionString, AzuriteFixture.UniqueName("q"));

        Assert.False((await queue.ExistsAsync()).Value);
        Assert.Equal(201, (await queue.CreateAsync()).Status);
        Assert.Null(await queue.CreateIfNotExistsAsync());
        Assert.True((await queue.ExistsAsync()).Value);
        Assert.Equal(204, (await queue.DeleteAsync()).Status);
        Assert.False((await queue.DeleteIfExistsAsync()).Value);
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteAsync());
        Assert.Equal(404, missing.Status);
        Assert.Equal("QueueNotFound", missing.ErrorCode);
    }

    [Fact]
    public async Task Send_receive_delete_round_trips_text()
    {
        var queue = await NewQueueAsync();
        const string text = "{\"id\":42,\"title\":\"<b>&é\"}";

        var receipt = (await queue.SendMessageAsync(text)).Value;
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal(text, received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.NotNull(received.InsertedOn);
        Assert.True(received.NextVisibleOn > received.InsertedOn);
        Assert.Equal(204, (await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt)).Status);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Base64_is_what_lands_on_the_queue_by_default()
    {
        var queue = await NewQueueAsync();
        var raw = new QueueClient(azurite.ConnectionString, queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await queue.SendMessageAsync("hello");

        // What the Functions queue trigger (messageEncoding base64) reads.
        Assert.Equal("aGVsbG8=", Assert.Single((await raw.PeekMessagesAsync()).Value).MessageText);
    }

    [Fact]
    public async Task Plain_encoding_sends_text_as_is_and_escapes_markup()
    {
        var queue = await NewQueueAsync(QueueMessageEncoding.None);

        await queue.SendMessageAsync("a<b>&c\r\n");
        await queue.SendMessageAsync(" \t\n");

        var texts = (await queue.ReceiveMessagesAsync(32)).Value.Select(m => m.MessageText).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([" \t\n", "a<b>&c\r\n"], texts);
    }

    [Fact]
    public async Task Undecodable_messages_go_to_the_handler_and_stay_on_the_queue()
    {
        var plain = await NewQueueAsync(QueueMessageEncoding.None);
        await plain.SendMessageAsync("not base64 !");
        var seen = new List<string>();
        var base64 = new QueueClient(azurite.ConnectionString, plain.Name, new QueueClientOptions
        {
            MessageDecodingFailed = (failure, _) =>
            {
                seen.Add(failure.PeekedMessage?.MessageText ?? failure.ReceivedMessage!.MessageText);
                return Task.CompletedTask;
            },
        });
        var strict = new QueueClient(azurite.ConnectionString, plain.Name);

        Assert.Empty((await base64.PeekMessagesAsync()).Value);
        Assert.Equal(["not base64 !"], seen);
        await Assert.ThrowsAsync<FormatException>(() => strict.PeekMessagesAsync());
        Assert.Equal(1, (await plain.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Visibility_delay_hides_a_new_message()
    {
        var queue = await NewQueueAsync();

        var receipt = (await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromHours(1))).Value;

        Assert.True(receipt.TimeNextVisible >= receipt.InsertionTime.AddMinutes(59));
        Assert.Empty((await queue.ReceiveMessagesAsync()).Value);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Time_to_live_sets_the_expiry_and_minus_one_never_expires()
    {
        var queue = await NewQueueAsync();

        var hour = (await queue.SendMessageAsync("a", timeToLive: TimeSpan.FromHours(1))).Value;
        var forever = (await queue.SendMessageAsync("b", timeToLive: TimeSpan.FromSeconds(-1))).Value;

        Assert.Equal(hour.InsertionTime.AddHours(1), hour.ExpirationTime);
        Assert.Equal(9999, forever.ExpirationTime.Year);
    }

    [Fact]
    public async Task Receive_takes_up_to_32_and_hides_them_for_the_visibility_timeout()
    {
        var queue = await NewQueueAsync();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => queue.SendMessageAsync("m" + i)));

        var first = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
        var second = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;

        Assert.Equal(32, first.Length);
        Assert.Equal(8, second.Length);
        Assert.Empty((await queue.ReceiveMessagesAsync(32)).Value);
        Assert.Equal(40, first.Concat(second).Select(m => m.MessageText).Distinct().Count());
    }

    [Fact]
    public async Task Update_extends_visibility_changes_content_and_replaces_the_pop_receipt()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("v1");
        var message = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);

        var update = (await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, "v2", TimeSpan.Zero)).Value;
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));
        var again = Assert.Single((await queue.ReceiveMessagesAsync()).Value);
        var extended = (await queue.UpdateMessageAsync(again.MessageId, again.PopReceipt, visibilityTimeout: TimeSpan.FromHours(1))).Value;

        Assert.NotEqual(message.PopReceipt, update.PopReceipt);
        Assert.Equal(400, stale.Status);
        Assert.Equal("PopReceiptMismatch", stale.ErrorCode);
        Assert.Equal("v2", again.MessageText);
        Assert.Equal(2, again.DequeueCount);
        Assert.True(extended.NextVisibleOn > DateTimeOffset.UtcNow.AddMinutes(59));
        Assert.Empty((await queue.ReceiveMessagesAsync()).Value);
        Assert.Equal(204, (await queue.DeleteMessageAsync(again.MessageId, extended.PopReceipt)).Status);
    }

    [Fact]
    public async Task Peek_leaves_messages_visible_and_undequeued()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("p");

        var peeked = Assert.Single((await queue.PeekMessagesAsync(5)).Value);
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        Assert.Equal("p", peeked.MessageText);
        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal(peeked.MessageId, received.MessageId);
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task Count_clear_and_metadata()
    {
        var queue = new QueueClient(azurite.ConnectionString, AzuriteFixture.UniqueName("q"));
        await queue.CreateAsync(new Dictionary<string, string> { ["owner"] = "pipeline" });
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => queue.SendMessageAsync("m" + i)));

        var properties = (await queue.GetPropertiesAsync()).Value;
        await queue.ClearMessagesAsync();

        Assert.Equal(5, properties.ApproximateMessagesCount);
        Assert.Equal("pipeline", properties.Metadata["owner"]);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task The_64_KiB_limit_is_checked_before_sending()
    {
        var queue = await NewQueueAsync(QueueMessageEncoding.None);
        var base64 = new QueueClient(azurite.ConnectionString, queue.Name);

        await queue.SendMessageAsync(new string('a', QueueClient.MaxMessageBytes));
        var tooBig = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('a', QueueClient.MaxMessageBytes + 1)));
        var tooBigEncoded = await Assert.ThrowsAsync<ArgumentException>(() => base64.SendMessageAsync(new string('a', 49_200)));

        Assert.Contains("65536", tooBig.Message, StringComparison.Ordinal);
        Assert.Contains("Base64", tooBigEncoded.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Bad_arguments_fail_before_sending()
    {
        var queue = await NewQueueAsync();

        Assert.Throws<ArgumentException>(() => new QueueClient(azurite.ConnectionString, "Upper"));
        Assert.Throws<ArgumentException>(() => new QueueClient(azurite.ConnectionString, "a--b"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(33));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromDays(8)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromHours(2), TimeSpan.FromHours(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => new QueueClient(azurite.ConnectionString, queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None })
            .SendMessageAsync("bell\u0007"));
    }

    [Fact]
    public async Task Binary_bodies_round_trip_with_base64()
    {
        var queue = await NewQueueAsync();
        var bytes = new byte[] { 0, 1, 2, 255, 254 };

        await queue.SendMessageAsync(new BinaryData(bytes));

        Assert.Equal(bytes, Assert.Single((await queue.ReceiveMessagesAsync()).Value).Body.ToArray());
    }
}
