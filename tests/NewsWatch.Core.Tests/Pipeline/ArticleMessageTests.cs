using NewsWatch.Pipeline;

namespace NewsWatch.Core.Tests.Pipeline;

public class ArticleMessageTests
{
    [Fact]
    public void Round_trips_through_json()
    {
        var m = new ArticleMessage("feed", "item-1", new Uri("https://news.example/a"), "Title \"quoted\"", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.Equal(m, ArticleMessage.Parse(m.ToJson()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"feedId\":\"f\",\"url\":\"relative/path\"}")]
    [InlineData("null")]
    public void Malformed_messages_are_invalid_not_crashes(string json) =>
        Assert.Throws<InvalidMessageException>(() => ArticleMessage.Parse(json));
}
