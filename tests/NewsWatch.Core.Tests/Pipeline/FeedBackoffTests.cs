using NewsWatch.Pipeline;

namespace NewsWatch.Core.Tests.Pipeline;

public sealed class FeedBackoffTests
{
    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(5, 240)]
    [InlineData(6, 360)]
    [InlineData(40, 360)]
    public void The_wait_doubles_from_the_poll_interval_up_to_the_ceiling(int failures, int expectedMinutes)
    {
        var options = new PipelineOptions { FeedBackoff = TimeSpan.FromMinutes(15), MaxFeedBackoff = TimeSpan.FromHours(6) };

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), options.BackoffAfter(failures));
    }
}
