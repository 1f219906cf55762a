using System.Net;
using System.Text;
using System.Text.Json;
using NewsWatch.Articles;
using NewsWatch.Pipeline;

namespace NewsWatch.Functions.Tests;

/// <summary>
/// Posts the payloads the Functions host really sends (shapes from captured host traffic, see
/// shared/reference/functions-custom-handler.md §3) and checks the answers the host relies on.
/// </summary>
public sealed class CustomHandlerContractTests(HandlerFixture handler) : IClassFixture<HandlerFixture>
{
    private const string ArticleHtml = """
        <html><head><title>Xiaomi SU7 deliveries pass 10,000 | Sample</title><link rel="canonical" href="https://news.example/su7"></head>
        <body><nav>Home | EVs</nav><article><h1>Xiaomi SU7 deliveries pass 10,000</h1>
        <p>Xiaomi said on Monday that deliveries of its SU7 electric sedan passed 10,000 units in April, ahead of the target it set at launch.</p>
        <p>The company reiterated that its Beijing factory will run double shifts from June to shorten waiting times for buyers.</p>
        <p>Lei Jun told investors the car business remains on track for the targets announced earlier this year.</p>
        </article><footer>Copyright</footer></body></html>
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string QueuePayload(string messageText, bool doubleEncoded = true)
    {
        var data = doubleEncoded ? JsonSerializer.Serialize(JsonSerializer.Serialize(messageText)) : JsonSerializer.Serialize(messageText);
        const string metadata = """
            {"DequeueCount":"1","ExpirationTime":"2026-11-29T06:00:06+00:00","Id":"\"a0004923-f050-417a-9742-6d7c7b984134\"",
             "InsertionTime":"2026-11-22T06:00:06+00:00","NextVisibleTime":"2026-11-22T06:10:18+00:00",
             "PopReceipt":"\"AgAAAAMAAAAAAAAA8d5gQex+2AE=\"",
             "sys":{"MethodName":"ProcessArticle","UtcNow":"2026-11-22T06:00:18.1974545Z","RandGuid":"d9ba6b38-0a53-4bd5-9d2d-7b0c0b2b4f11"}}
            """;
        return "{\"Data\":{\"message\":" + data + "},\"Metadata\":" + metadata + "}";
    }

    private static async Task<JsonElement> ReadInvocationResponseAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement.Clone();
        Assert.Equal(JsonValueKind.Object, root.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("Logs").ValueKind);
        Assert.True(root.TryGetProperty("ReturnValue", out _));
        return root;
    }

    private string ArticleMessageJson(string path) =>
        new ArticleMessage("contract-feed", path, handler.Site.Url(path), "t", null, DateTimeOffset.UtcNow).ToJson();

    [Fact]
    public async Task Readiness_ping_is_answered()
    {
        using var response = await handler.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Timer_invocation_polls_and_answers_with_logs()
    {
        handler.Site.Serve("/feed.xml", "<rss version=\"2.0\"><channel><item><title>x</title><link>https://news.example/t1</link></item></channel></rss>", "application/rss+xml");
        const string timerPayload = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},
             "Metadata":{"sys":{"MethodName":"PollFeeds","UtcNow":"2026-11-22T11:40:07.4850616Z","RandGuid":"9cd4c06c-fc8f-4b63-af94-56bc75c3f0cb"}}}
            """;

        using var response = await handler.Client.PostAsync(new Uri("/PollFeeds", UriKind.Relative), Json(timerPayload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadInvocationResponseAsync(response);
        var logs = body.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Contains(logs, l => l!.Contains("feed contract-feed: Ok, 1 items, 1 queued", StringComparison.Ordinal));
        Assert.Contains(handler.Queue.Messages, m => m.Url.AbsoluteUri == "https://news.example/t1");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Queue_invocation_stores_the_article_for_both_encodings(bool doubleEncoded)
    {
        var path = doubleEncoded ? "/double.html" : "/single.html";
        handler.Site.Serve(path, ArticleHtml.Replace("/su7", path, StringComparison.Ordinal));

        using var response = await handler.Client.PostAsync(new Uri("/ProcessArticle", UriKind.Relative), Json(QueuePayload(ArticleMessageJson(path), doubleEncoded)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadInvocationResponseAsync(response);
        Assert.Contains("Stored", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        var key = ArticleKeys.For(new Uri("https://news.example" + path));
        Assert.Contains("SU7 electric sedan", handler.Articles.Rows[key].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_failure_answers_500_so_the_host_retries()
    {
        handler.Site.Serve("/busy.html", "try later", "text/plain", 503);

        using var response = await handler.Client.PostAsync(new Uri("/ProcessArticle", UriKind.Relative), Json(QueuePayload(ArticleMessageJson("/busy.html"))));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"Data\":{\"message\":\"\\\"not an article message\\\"\"},\"Metadata\":{}}")]
    [InlineData("{\"Data\":{},\"Metadata\":{}}")]
    [InlineData("this is not json")]
    public async Task Unusable_invocations_answer_400(string payload)
    {
        using var response = await handler.Client.PostAsync(new Uri("/ProcessArticle", UriKind.Relative), Json(payload));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Status_http_invocation_returns_the_res_output()
    {
        const string httpPayload = """
            {"Data":{"req":{"Url":"http://localhost:7071/api/status","Method":"GET","Query":{},"Headers":{"Accept":["application/json"]},"Params":{},"Body":null}},
             "Metadata":{"sys":{"MethodName":"Status","UtcNow":"2026-11-22T11:40:07Z","RandGuid":"0f4c2b8e-3b0b-4c7e-9f65-0d8f1d6f2a11"}}}
            """;

        using var response = await handler.Client.PostAsync(new Uri("/Status", UriKind.Relative), Json(httpPayload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadInvocationResponseAsync(response);
        var res = body.GetProperty("Outputs").GetProperty("res");
        Assert.Equal(200, res.GetProperty("statusCode").GetInt32());
        using var report = JsonDocument.Parse(res.GetProperty("body").GetString()!);
        Assert.True(report.RootElement.TryGetProperty("Feeds", out _));
        Assert.True(report.RootElement.TryGetProperty("Articles", out _));
    }
}
