using System.Net;
using System.Text.Json;
using NewsWatch.Web.Api;

namespace NewsWatch.ReadApi.Tests;

/// <summary>The read API's contract, over HTTP against the served sample run on Azurite.</summary>
[Collection(SampleRunCollection.Name)]
public sealed class ApiContractTests(SampleRunFixture run)
{
    private const int Stored = 6; // five sample articles and the hostile one

    private async Task<(HttpResponseMessage Response, JsonElement Json, string Body)> GetAsync(string path)
    {
        var response = await run.Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(body).RootElement.Clone(), body);
    }

    private static List<JsonElement> Items(JsonElement json) => [.. json.GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task Articles_lists_every_article_newest_first_in_camelCase_with_utc_times_and_reasons()
    {
        var (response, json, _) = await GetAsync("api/articles");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var items = Items(json);
        Assert.Equal(Stored, items.Count);
        var times = items.Select(i => i.GetProperty("published").GetString()!).ToList();
        Assert.All(times, t => Assert.EndsWith("Z", t, StringComparison.Ordinal));
        Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);
        var granted = items.First(i => i.GetProperty("approval").GetString() == "granted");
        Assert.Equal("stored", granted.GetProperty("status").GetString());
        Assert.True(granted.GetProperty("isRelevant").GetBoolean());
        Assert.NotEmpty(granted.GetProperty("reasons").EnumerateArray());
        Assert.False(json.TryGetProperty("continuation", out _));
        Assert.Equal(
            run.SampleArticles.Select(a => a.Title).Order(StringComparer.Ordinal),
            items.Where(i => i.GetProperty("key").GetString() != SampleRunFixture.HostileKey).Select(i => i.GetProperty("title").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("api/articles?approval=granted", 2)]
    [InlineData("api/articles?approval=pending", 3)]
    [InlineData("api/articles?relevant=true&lang=en", 6)]
    [InlineData("api/articles?lang=zh", 0)]
    [InlineData("api/articles?since=2023-08-01", 2)]
    [InlineData("api/articles?until=2022-12-31", 2)]
    [InlineData("api/articles?since=2023-02-16&until=2023-02-20", 2)]
    [InlineData("api/articles?q=ndrc", 1)]
    [InlineData("api/articles?feed=sample&approval=granted&relevant=true", 2)]
    [InlineData("api/articles?feed=elsewhere", 0)]
    public async Task Articles_filters_narrow_the_list(string path, int expected)
    {
        var (response, json, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Items(json).Count);
    }

    [Fact]
    public async Task Articles_pages_with_continuation_tokens_through_the_same_order()
    {
        var (_, all, _) = await GetAsync("api/articles");
        var keys = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var (_, page, _) = await GetAsync("api/articles?limit=2" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation)));
            var items = Items(page);
            Assert.InRange(items.Count, 1, 2);
            keys.AddRange(items.Select(i => i.GetProperty("key").GetString()!));
            continuation = page.TryGetProperty("continuation", out var c) ? c.GetString() : null;
            pages++;
        }
        while (continuation is not null && pages < 10);

        Assert.Equal(Items(all).Select(i => i.GetProperty("key").GetString()!), keys);
    }

    [Theory]
    [InlineData("api/articles?since=yesterday")]
    [InlineData("api/articles?approval=maybe")]
    [InlineData("api/articles?relevant=perhaps")]
    [InlineData("api/articles?limit=0")]
    [InlineData("api/articles?lang=%3Cscript%3E")]
    [InlineData("api/articles?continuation=not-a-token!")]
    [InlineData("api/approvals?status=lost")]
    public async Task Bad_query_values_are_400_with_an_error_message(string path)
    {
        var (response, json, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Article_detail_has_text_metadata_assessment_with_reasons_and_the_story()
    {
        var key = run.SampleArticles.First(a => a.Title!.Contains("NDRC", StringComparison.Ordinal)).Key;
        var (response, json, _) = await GetAsync($"api/articles/{key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var article = json.GetProperty("article");
        Assert.True(article.GetProperty("text").GetString()!.Length > 500);
        Assert.Equal("en", article.GetProperty("language").GetString());
        Assert.Equal("EV Wire (sample)", article.GetProperty("siteName").GetString());
        var assessment = article.GetProperty("assessment");
        Assert.NotEmpty(assessment.GetProperty("relevance").GetProperty("reasons").EnumerateArray());
        Assert.Equal("granted", assessment.GetProperty("events")[0].GetProperty("status").GetString());
        var story = json.GetProperty("story");
        Assert.Equal(article.GetProperty("storyId").GetString(), story.GetProperty("id").GetString());
        Assert.Contains(story.GetProperty("sources").EnumerateArray(), s => s.GetProperty("articleKey").GetString() == key);
    }

    [Theory]
    [InlineData("api/articles/0123456789abcdef0123456789abcdef")]
    [InlineData("api/articles/not-a-key")]
    [InlineData("api/stories/no-such-story")]
    [InlineData("api/stories/bad%27id")]
    public async Task Unknown_or_malformed_ids_are_404(string path)
    {
        var (response, json, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(json.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Approvals_show_the_granted_NDRC_event_with_sources_and_delivery_state()
    {
        var (response, json, _) = await GetAsync("api/approvals");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ndrc = Assert.Single(Items(json), e => e.GetProperty("regulator").GetString() == "NDRC" && e.GetProperty("status").GetString() == "granted");
        Assert.Equal("Xiaomi EV", ndrc.GetProperty("subject").GetString());
        Assert.Equal(2, ndrc.GetProperty("sources").GetArrayLength());
        Assert.Equal("sent", ndrc.GetProperty("delivery").GetProperty("state").GetString());
        Assert.EndsWith("Z", ndrc.GetProperty("firstSeen").GetString(), StringComparison.Ordinal);
        Assert.Empty(Items((await GetAsync("api/approvals?status=denied")).Json));
    }

    [Fact]
    public async Task Stories_list_and_one_story_carry_their_sources()
    {
        var (response, json, _) = await GetAsync("api/stories");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stories = Items(json);
        Assert.Equal(run.SampleArticles.Select(a => a.StoryId).Distinct().Count() + 1, stories.Count);
        Assert.All(stories, s => Assert.NotEmpty(s.GetProperty("sources").EnumerateArray()));
        var (one, story, _) = await GetAsync($"api/stories/{run.HostileStory}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(SampleRunFixture.HostileKey, story.GetProperty("sources")[0].GetProperty("articleKey").GetString());
        Assert.Empty(Items((await GetAsync("api/stories?since=2999-01-01")).Json));
    }

    [Fact]
    public async Task Feeds_show_health_and_last_poll_without_the_query_string_of_the_address()
    {
        var (response, json, body) = await GetAsync("api/feeds");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = Assert.Single(Items(json));
        Assert.Equal("healthy", feed.GetProperty("health").GetString());
        Assert.Equal(5, feed.GetProperty("itemsQueued").GetInt32());
        Assert.True(feed.TryGetProperty("lastPolledAt", out _));
        Assert.DoesNotContain("secret-feed-token", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_counts_from_the_counters()
    {
        var (response, json, _) = await GetAsync("api/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Stored, json.GetProperty("articles").GetProperty("stored").GetInt32());
        Assert.Equal(0, json.GetProperty("articles").GetProperty("failed").GetInt32());
    }

    [Theory]
    [InlineData("api/articles")]
    [InlineData("api/approvals")]
    [InlineData("api/stories")]
    [InlineData("api/feeds")]
    [InlineData("api/status")]
    [InlineData("")]
    [InlineData("app.js")]
    [InlineData("app.css")]
    public async Task Every_answer_has_a_strict_content_security_policy_and_no_secrets(string path)
    {
        var response = await run.Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("default-src 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.DoesNotContain("smtp-secret-never-shown", body, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_is_escaped_in_json_and_comes_back_intact()
    {
        var (_, json, body) = await GetAsync($"api/articles/{SampleRunFixture.HostileKey}");

        Assert.DoesNotContain("<img", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.Ordinal);
        Assert.Equal(SampleRunFixture.HostileTitle, json.GetProperty("article").GetProperty("title").GetString());
    }
}
