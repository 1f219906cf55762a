using System.Text;
using NewsWatch.Testing.Http;
using Xunit.Abstractions;

namespace NewsWatch.Integration.Tests.BadInput;

/// <summary>Article pages written to hurt the extractor, served from loopback: a clear failure reason or a sane result.</summary>
[Trait("Category", "BadInput")]
public sealed class HostilePageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Paragraphs =
        "<p>Xiaomi said on Tuesday that its SU7 sedan had passed the regulator's review and would go on sale next month across China.</p>"
        + "<p>The company expects deliveries to start in the spring, with production at its Beijing plant running at full capacity by summer.</p>"
        + "<p>Analysts said the approval removes the last hurdle before the launch, which the company has promised for more than a year.</p>";

    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        output.WriteLine($"process peak working set so far: {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        await _server.DisposeAsync();
    }

    private static string Page(string title, string body) =>
        $"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>";

    private void ServeBytes(string path, byte[] body, string contentType) =>
        _server.Serve(path, async ctx =>
        {
            ctx.Response.ContentType = contentType;
            await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted);
        });

    [Fact]
    public async Task A_charset_lie_in_the_header_is_corrected_by_the_page_itself()
    {
        var html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>小米汽车获批</title></head><body><article><h1>小米汽车获批</h1>"
            + "<p>小米汽车周二表示，其首款车型已通过工信部审查，将于下月在全国上市销售，公司预计明年春季开始交付。</p>"
            + "<p>分析人士认为，这项批准扫清了上市前的最后障碍，北京工厂将在夏季前满负荷生产。</p></article></body></html>";
        ServeBytes("/lie.html", Encoding.UTF8.GetBytes(html), "text/html; charset=iso-8859-1");
        using var layer = new FetchLayer();

        var outcome = await layer.ProcessPageAsync(_server.Url("/lie.html"));

        Assert.Null(outcome.PermanentFailure);
        Assert.Contains("工信部", outcome.Extraction!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_becomes_replacement_characters_not_an_exception()
    {
        var bytes = Encoding.UTF8.GetBytes(Page("Broken bytes", Paragraphs)).ToList();
        bytes.InsertRange(bytes.Count / 2, new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0xE2, 0x82 });
        ServeBytes("/bad-utf8.html", [.. bytes], "text/html; charset=utf-8");
        using var layer = new FetchLayer();

        var outcome = await layer.ProcessPageAsync(_server.Url("/bad-utf8.html"));

        Assert.Null(outcome.PermanentFailure);
        Assert.Contains("SU7 sedan", outcome.Extraction!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nul_bytes_never_reach_the_stored_text()
    {
        ServeBytes("/nul.html", Encoding.UTF8.GetBytes(Page("Nul\0title", Paragraphs.Replace("sedan", "se\0dan", StringComparison.Ordinal))), "text/html");
        using var layer = new FetchLayer();

        var outcome = await layer.ProcessPageAsync(_server.Url("/nul.html"));

        Assert.Null(outcome.PermanentFailure);
        Assert.DoesNotContain('\0', outcome.Extraction!.Text);
        Assert.DoesNotContain('\0', outcome.Extraction.Title ?? "");
    }

    [Fact]
    public async Task A_page_nested_100000_deep_is_answered_without_crashing_the_worker()
    {
        var html = new StringBuilder("<!doctype html><html><head><title>deep</title></head><body>");
        html.Insert(html.Length, "<div>", 100_000).Append(Paragraphs).Insert(html.Length, "</div>", 100_000).Append("</body></html>");
        ServeBytes("/deep.html", Encoding.UTF8.GetBytes(html.ToString()), "text/html");
        using var layer = new FetchLayer();

        var outcome = await layer.ProcessPageAsync(_server.Url("/deep.html"));

        Assert.True(outcome.PermanentFailure is not null || outcome.Extraction!.Text.Length > 0);
        output.WriteLine($"deep nesting: {outcome.PermanentFailure ?? $"{outcome.Extraction!.Text.Length} chars"}");
    }

    [Fact]
    public async Task A_million_attributes_on_one_element_are_answered_in_bounded_time()
    {
        var attrs = new StringBuilder("<div");
        for (var i = 0; i < 1_000_000; i++)
        {
            attrs.Append(System.Globalization.CultureInfo.InvariantCulture, $" a{i}=\"v\"");
        }

        var html = Page("Attributes", attrs.Append('>').Append(Paragraphs).Append("</div>").ToString());
        ServeBytes("/attrs.html", Encoding.UTF8.GetBytes(html), "text/html");
        using var layer = new FetchLayer(maxBytes: 32 * 1024 * 1024);

        var outcome = await layer.ProcessPageAsync(_server.Url("/attrs.html"));

        Assert.True(outcome.PermanentFailure is not null || outcome.Extraction!.Text.Contains("SU7 sedan", StringComparison.Ordinal));
        output.WriteLine($"million attributes: {outcome.PermanentFailure ?? $"{outcome.Extraction!.Text.Length} chars"}");
    }

    [Fact]
    public async Task Binary_served_as_html_gives_no_article_and_a_reason()
    {
        var noise = new byte[512 * 1024];
        new Random(7).NextBytes(noise);
        ServeBytes("/binary.html", noise, "text/html");
        using var layer = new FetchLayer();

        var outcome = await layer.ProcessPageAsync(_server.Url("/binary.html"));

        Assert.True(outcome.PermanentFailure is not null || !outcome.Extraction!.HasText,
            $"random bytes were taken for an article: {outcome.Extraction?.Text[..Math.Min(200, outcome.Extraction.Text.Length)]}");
    }

    [Fact]
    public async Task An_empty_200_page_has_no_text()
    {
        ServeBytes("/empty.html", [], "text/html");
        using var layer = new FetchLayer();

        var outcome = await layer.ProcessPageAsync(_server.Url("/empty.html"));

        Assert.True(outcome.PermanentFailure is not null || !outcome.Extraction!.HasText);
    }

    [Fact]
    public async Task A_page_that_is_an_image_is_refused_by_type()
    {
        ServeBytes("/photo.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png");
        using var layer = new FetchLayer();

        var outcome = await layer.ProcessPageAsync(_server.Url("/photo.html"));

        Assert.Contains("'image/png' is not a web page", outcome.PermanentFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_redirecting_to_a_local_file_is_refused_without_reading_it()
    {
        _server.Serve("/to-file.html", ctx => HostileFeedTests.Redirect(ctx, "file:///etc/hostname"));
        using var layer = new FetchLayer();

        var outcome = await layer.ProcessPageAsync(_server.Url("/to-file.html"));

        Assert.Contains("redirect target uses file:", outcome.PermanentFailure, StringComparison.Ordinal);
    }
}
