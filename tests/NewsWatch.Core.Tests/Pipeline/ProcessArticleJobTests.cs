using Moq;
using NewsWatch.Articles;
using NewsWatch.Extraction;
using NewsWatch.Fetching;
using NewsWatch.Pipeline;
using NewsWatch.Testing.Http;

namespace NewsWatch.Core.Tests.Pipeline;

public sealed class ProcessArticleJobTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;
    private readonly Mock<IArticleExtractor> _extractor = new();

    public async Task InitializeAsync()
    {
        _server = await LoopbackHttpServer.StartAsync();
        _extractor.Setup(e => e.Extract(It.IsAny<Article>())).Returns((Article a) => new ArticleExtraction
        {
            Title = "T",
            Text = System.Text.Encoding.UTF8.GetString(a.Body),
            CanonicalUrl = new Uri("https://news.example/canonical"),
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ArticleMessage Message(string path) =>
        new("f", path, _server.Url(path), "feed title", null, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Stores_under_the_canonical_key_and_a_redelivery_changes_nothing()
    {
        _server.Serve("/a.html", "<p>body</p>");
        using var h = new PipelineHarness(_extractor.Object);

        var first = await h.Process.RunAsync(Message("/a.html"));
        var again = await h.Process.RunAsync(Message("/a.html"));

        Assert.Equal(ProcessStatus.Stored, first.Status);
        Assert.Equal(ProcessStatus.Unchanged, again.Status);
        var row = Assert.Single(h.Articles.Rows.Values);
        Assert.Equal(ArticleKeys.For(new Uri("https://news.example/canonical")), row.Key);
        Assert.Equal("<p>body</p>", row.Text);
    }

    [Theory]
    [InlineData(404, "text/html", "HTTP 404")]
    [InlineData(200, "application/pdf", "not a web page")]
    public async Task Final_failures_are_stored_with_the_reason_and_not_retried(int status, string type, string reason)
    {
        _server.Serve("/x", "%PDF-1.7", type, status);
        using var h = new PipelineHarness(_extractor.Object);

        var outcome = await h.Process.RunAsync(Message("/x"));

        Assert.Equal(ProcessStatus.Failed, outcome.Status);
        var row = Assert.Single(h.Articles.Rows.Values);
        Assert.Equal(ArticleStatus.Failed, row.Status);
        Assert.Contains(reason, row.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_failures_throw_so_the_queue_retries()
    {
        _server.Serve("/busy", "later", "text/plain", 503);
        using var h = new PipelineHarness(_extractor.Object);

        var ex = await Assert.ThrowsAsync<FetchException>(() => h.Process.RunAsync(Message("/busy")));

        Assert.True(ex.IsTransient);
        Assert.Empty(h.Articles.Rows);
    }

    [Fact]
    public async Task Extraction_errors_are_final_failures()
    {
        _server.Serve("/bin", "garbage");
        _extractor.Setup(e => e.Extract(It.IsAny<Article>())).Throws(new ExtractionException(ExtractionFailure.Binary, "looks binary"));
        using var h = new PipelineHarness(_extractor.Object);

        var outcome = await h.Process.RunAsync(Message("/bin"));

        Assert.Equal(ProcessStatus.Failed, outcome.Status);
        Assert.Equal("looks binary", outcome.Error);
    }
}
