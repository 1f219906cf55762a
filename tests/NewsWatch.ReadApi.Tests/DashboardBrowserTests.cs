using Microsoft.Playwright;

namespace NewsWatch.ReadApi.Tests;

/// <summary>
/// The dashboard in a real headless Chromium (Debian's <c>chromium</c> package, installed by scripts/setup.sh;
/// Playwright drives it through <see cref="BrowserTypeLaunchOptions.ExecutablePath"/>, it cannot download one).
/// </summary>
[Collection(SampleRunCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(SampleRunFixture run) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private readonly List<string> _dialogs = [];
    private readonly List<string> _errors = [];

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            // Containers run tests as root, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("NEWSWATCH_CHROMIUM");
        foreach (var candidate in new[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no Chromium found: run scripts/setup.sh (apt-get install chromium) or set NEWSWATCH_CHROMIUM");
    }

    private async Task<IPage> OpenAsync(int width, int height)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.Dialog += (_, dialog) =>
        {
            _dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add(message.Text);
            }
        };
        await page.GotoAsync(run.BaseUrl.AbsoluteUri);
        await page.Locator("#article-list[aria-busy=false]").WaitForAsync();
        await page.Locator("#approval-list[aria-busy=false]").WaitForAsync();
        await page.Locator("#story-list[aria-busy=false]").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task Page_renders_articles_the_approval_and_stories_and_the_status_filter_works()
    {
        var page = await OpenAsync(1280, 900);

        var articles = page.Locator("#article-list > li[data-key]");
        Assert.Equal(6, await articles.CountAsync());
        var text = await page.Locator("#article-list").InnerTextAsync();
        foreach (var article in run.SampleArticles)
        {
            Assert.Contains(article.Title!, text, StringComparison.Ordinal);
        }

        var approval = page.Locator("#approval-list > li[data-event]");
        Assert.Equal(1, await approval.CountAsync());
        Assert.Contains("NDRC", await approval.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("approval granted", await approval.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(run.SampleArticles.Select(a => a.StoryId).Distinct().Count() + 1, await page.Locator("#story-list > li[data-story]").CountAsync());
        Assert.Equal(1, await page.Locator("#feed-rows > tr").CountAsync());

        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "dashboard.png"), FullPage = true });

        await page.Locator("#f-status").SelectOptionAsync("granted");
        await page.Locator("#filters button[type=submit]").PressAsync("Enter"); // keyboard, not a click
        await page.WaitForFunctionAsync("document.querySelectorAll('#article-list > li[data-key]').length === 2");
        var badges = await page.Locator("#article-list > li[data-key] .badge").AllInnerTextsAsync();
        Assert.Equal(["approval granted", "approval granted"], badges);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "dashboard-granted.png"), FullPage = true });

        Assert.Empty(_errors);
    }

    [Fact]
    public async Task A_hostile_title_shows_as_text_and_runs_nothing()
    {
        var page = await OpenAsync(390, 844); // a phone

        var hostile = page.Locator($"#article-list > li[data-key='{SampleRunFixture.HostileKey}']");
        Assert.Equal(SampleRunFixture.HostileTitle, await hostile.Locator("h3 a").InnerTextAsync());
        Assert.Equal(0, await page.Locator("main img, main script, main svg").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(_dialogs);
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "dashboard-phone.png"), FullPage = true });
    }

    /// <summary>The test output folder (beside the test assembly).</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");
}
