using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Pipeline;

namespace NewsWatch.Integration.Tests.Composition;

/// <summary>
/// The options checks the handler and the CLI run at start-up (compile-time generated validators; no storage or
/// server is contacted). A mistyped setting must be named in the error, not surface later as a storage failure.
/// </summary>
public sealed class OptionsValidationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddNewsWatch(config).BuildServiceProvider();
    }

    [Fact]
    public void Valid_feeds_bind_in_order()
    {
        using var sp = Build(new()
        {
            ["NewsWatch:Feeds:0:Id"] = "cnevpost",
            ["NewsWatch:Feeds:0:Url"] = "https://cnevpost.com/feed/",
            ["NewsWatch:Feeds:1:Id"] = "electrek-2",
            ["NewsWatch:Feeds:1:Url"] = "https://electrek.co/feed/",
            ["NewsWatch:Feeds:1:Enabled"] = "false",
            ["NewsWatch:FeedConcurrency"] = "2",
        });

        var options = sp.GetRequiredService<IOptions<PipelineOptions>>().Value;
        Assert.Equal(["cnevpost", "electrek-2"], options.Feeds.Select(f => f.Id));
        Assert.Equal(new Uri("https://electrek.co/feed/"), options.Feeds[1].Url);
        Assert.False(options.Feeds[1].Enabled);
        Assert.Equal(2, options.FeedConcurrency);
    }

    [Theory]
    [InlineData("Id", "CN EV Post", "lower-case letters")]
    [InlineData("Url", null, "Url")]
    public void A_mistyped_feed_is_named_at_start_up(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsWatch:Feeds:0:Id"] = "fine",
            ["NewsWatch:Feeds:0:Url"] = "https://example.com/feed.xml",
            ["NewsWatch:Feeds:1:Id"] = "second",
            ["NewsWatch:Feeds:1:Url"] = "https://example.com/other.xml",
        };
        settings["NewsWatch:Feeds:1:" + key] = value;
        using var sp = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<PipelineOptions>>().Value);
        Assert.Contains("Feeds[1]", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Feeds[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranges_on_pipeline_and_alert_options_are_still_enforced()
    {
        using var sp = Build(new()
        {
            ["NewsWatch:FeedConcurrency"] = "99",
            ["NewsWatch:Alerts:MaxSources"] = "0",
        });

        var pipeline = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<PipelineOptions>>().Value);
        Assert.Contains("FeedConcurrency", pipeline.Message, StringComparison.Ordinal);
        var alerts = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<AlertOptions>>().Value);
        Assert.Contains("MaxSources", alerts.Message, StringComparison.Ordinal);
    }
}
