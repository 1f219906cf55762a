using Azure;
using NewsWatch.Storage.Queues;
using NewsWatch.Storage.Tables;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Storage.Tests.Integration;

/// <summary>Has its own Azurite (class fixture), because it stops and restarts it.</summary>
public sealed class OutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static QueueClientOptions Retrying(int maxRetries, TimeSpan delay) => new()
    {
        Retry = { MaxRetries = maxRetries, Delay = delay, MaxDelay = delay, Mode = Azure.Core.RetryMode.Fixed, NetworkTimeout = TimeSpan.FromSeconds(5) },
    };

    [Fact]
    public async Task Stopped_azurite_gives_retries_then_a_clear_error_then_success_once_back()
    {
        if (!azurite.CanRestart)
        {
            return; // External storage (NEWSWATCH_TEST_STORAGE) cannot be stopped.
        }

        var queue = new QueueClient(azurite.ConnectionString, AzuriteFixture.UniqueName("q"), Retrying(2, TimeSpan.FromMilliseconds(100)));
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("before");

        await azurite.StopAsync();
        var down = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("during"));

        Assert.Equal(0, down.Status);
        Assert.Contains("3 attempt", down.Message, StringComparison.Ordinal);
        Assert.Contains(queue.Uri.AbsolutePath, down.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(StorageConnectionString.DevelopmentAccountKey, down.ToString(), StringComparison.Ordinal);

        await azurite.StartAsync();

        // In-memory Azurite comes back empty: the same client recreates and uses the queue.
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("after");
        Assert.Equal("after", Assert.Single((await queue.ReceiveMessagesAsync()).Value).MessageText);
    }

    [Fact]
    public async Task Retries_bridge_a_short_outage()
    {
        if (!azurite.CanRestart)
        {
            return;
        }

        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("t"), new TableClientOptions
        {
            // Azurite needs 6-7 s to start on this 2-core machine, more under test load: give retries a 30 s window.
            Retry = { MaxRetries = 60, Delay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromMilliseconds(500), Mode = Azure.Core.RetryMode.Fixed },
        });

        await azurite.StopAsync();
        var pending = table.CreateIfNotExistsAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(pending.IsCompleted);
        await azurite.StartAsync();

        var response = await pending;
        Assert.Equal(204, response.GetRawResponse().Status);
        await table.UpsertEntityAsync(new TableEntity("p", "r"));
    }
}
