using System.IO.Compression;
using System.Net;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Articles;
using NewsWatch.Deploy.Tests.Package;
using NewsWatch.Infrastructure;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Infrastructure.Tables;
using NewsWatch.Pipeline;
using NewsWatch.Storage.Queues;
using NewsWatch.Storage.Tables;
using NewsWatch.Testing.Azurite;
using NewsWatch.Testing.Http;
using NewsWatch.Testing.Smtp;

namespace NewsWatch.Deploy.Tests;

/// <summary>
/// The release package, unzipped and started as the Functions host would start it, does the real work: a timer
/// invocation polls a loopback feed and queues its item on Azurite, and the queued message, handed over the way the
/// host hands it, is fetched, extracted and stored; a granted approval is emailed once over SMTP. Only loopback
/// addresses are used.
/// </summary>
public sealed class PackageSmokeTests(PackageFixture package, AzuriteFixture azurite) : IClassFixture<PackageFixture>, IClassFixture<AzuriteFixture>
{
    private const string ArticleHtml = """
        <html><head><title>Xiaomi SU7 deliveries pass 10,000 | Smoke</title></head>
        <body><nav>Home | EVs</nav><article><h1>Xiaomi SU7 deliveries pass 10,000</h1>
        <p>Xiaomi said on Monday that deliveries of its SU7 electric sedan passed 10,000 units in April, ahead of the target it set at launch.</p>
        <p>The company reiterated that its Beijing factory will run double shifts from June to shorten waiting times for buyers.</p>
        <p>Lei Jun told investors the car business remains on track for the targets announced earlier this year.</p>
        </article><footer>Copyright</footer></body></html>
        """;

    private const string ApprovalHtml = """
        <html><head><title>Xiaomi gets NDRC approval to produce EVs | Smoke</title></head>
        <body><nav>Home | EVs</nav><article><h1>Xiaomi gets NDRC approval to produce EVs</h1>
        <p>Xiaomi has obtained approval from the National Development and Reform Commission (NDRC) to produce electric vehicles, people familiar with the matter said.</p>
        <p>The approval clears the way for its Beijing factory to build the SU7 sedan, the company's first car, at full scale.</p>
        <p>Xiaomi still needs its models listed in the industry ministry's catalogue before deliveries can begin.</p>
        </article><footer>Copyright</footer></body></html>
        """;

    [Fact]
    public void Package_holds_host_json_the_function_folders_and_an_executable_self_contained_trimmed_composite_handler()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.AppRoot, "host.json")));
        var executable = hostJson.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        Assert.Equal("2.0", hostJson.RootElement.GetProperty("version").GetString());
        Assert.Contains("host.json", entries);
        Assert.Contains(executable, entries);

        // The host starts the file named in host.json directly: it must carry the executable bit in the zip itself.
        var mode = (UnixFileMode)(zip.GetEntry(executable)!.ExternalAttributes >> 16);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{executable} is {mode} in the zip");
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Path.Combine(package.AppRoot, executable)).HasFlag(UnixFileMode.UserExecute));
        }

        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(RepoRoot.Path, "src", "NewsWatch.Functions"))
                     .Where(d => File.Exists(Path.Combine(d, "function.json"))))
        {
            var name = Path.GetFileName(dir);
            Assert.Equal(File.ReadAllText(Path.Combine(dir, "function.json")), File.ReadAllText(Path.Combine(package.AppRoot, name, "function.json")));
        }

        // Self-contained: the runtime travels with the app (a Flex "custom" worker promises no .NET).
        Assert.Contains("libcoreclr.so", entries);
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.AppRoot, "handler.runtimeconfig.json")));
        Assert.True(runtimeConfig.RootElement.GetProperty("runtimeOptions").TryGetProperty("includedFrameworks", out _));

        // ReadyToRun composite: the framework, the app's own code and its heaviest dependency are components of one
        // precompiled image (the cold-start win); each component assembly points at it from its native header.
        Assert.Contains("handler.r2r.dll", entries);
        foreach (var assembly in new[] { "handler.dll", "NewsWatch.Core.dll", "AngleSharp.dll", "System.Private.CoreLib.dll" })
        {
            using var pe = new PEReader(File.OpenRead(Path.Combine(package.AppRoot, assembly)));
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} is not ReadyToRun-compiled");
        }

        // Trimmed: framework assemblies the handler never uses are not shipped (MVC is the biggest of them).
        Assert.DoesNotContain("Microsoft.AspNetCore.Mvc.Core.dll", entries);
    }

    [Fact]
    public async Task Packaged_handler_polls_a_feed_then_processes_the_queued_article_as_the_host_hands_it_over()
    {
        await using var site = await LoopbackHttpServer.StartAsync();
        var feedId = "smoke-" + Guid.NewGuid().ToString("N")[..8];
        var articleUrl = site.Url($"/{feedId}/su7.html");
        site.Serve($"/{feedId}/feed.xml",
            $"<rss version=\"2.0\"><channel><title>smoke</title><item><title>SU7 deliveries</title><link>{articleUrl}</link><guid>{feedId}-1</guid></item></channel></rss>",
            "application/rss+xml");
        site.Serve($"/{feedId}/su7.html", ArticleHtml);

        var storage = await CreateStorageAsync();
        await using var handler = await StartHandlerAsync(feedId, site.Url($"/{feedId}/feed.xml"));

        // 1. Timer tick (payload shape captured from a real host).
        var timer = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},
             "Metadata":{"sys":{"MethodName":"PollFeeds","UtcNow":"2026-11-22T11:40:07.4850616Z","RandGuid":"9cd4c06c-fc8f-4b63-af94-56bc75c3f0cb"}}}
            """;
        var polled = await InvokeAsync(handler, "PollFeeds", timer);
        Assert.Contains(polled.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains($"feed {feedId}: Ok, 1 items, 1 queued", StringComparison.Ordinal));

        // 2. The message PollFeeds queued, read back the host's way: base64 on the wire (host.json messageEncoding),
        //    then handed to the function JSON-encoded once more.
        var raw = new QueueClient(azurite.ConnectionString, storage.Options.ArticlesQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var onWire = (await raw.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString())
            .Select(TryBase64).OfType<string>().Single(t => t.Contains(feedId, StringComparison.Ordinal));
        var queue = new QueueClient(azurite.ConnectionString, storage.Options.ArticlesQueue);
        var message = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value.Single(m => m.MessageText.Contains(feedId, StringComparison.Ordinal));
        Assert.Equal(onWire, message.MessageText);

        var processed = await InvokeAsync(handler, "ProcessArticle", QueuePayload(message));
        Assert.Contains("Stored", processed.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        // 3. The article row is really in Table Storage.
        var stored = await new TableArticleStore(new TableClient(azurite.ConnectionString, storage.Options.ArticlesTable)).GetAsync(ArticleKeys.For(articleUrl));
        Assert.NotNull(stored);
        Assert.Contains("SU7 electric sedan", stored.Text, StringComparison.Ordinal);
        Assert.Equal(feedId, stored.FeedId);
    }

    [Fact]
    public async Task Packaged_handler_emails_a_granted_approval_once_over_smtp_even_when_the_message_comes_again()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var site = await LoopbackHttpServer.StartAsync();
        var feedId = "alert-" + Guid.NewGuid().ToString("N")[..8];
        var articleUrl = site.Url($"/{feedId}/ndrc.html");
        site.Serve($"/{feedId}/ndrc.html", ApprovalHtml);

        var storage = await CreateStorageAsync();
        await using var handler = await StartHandlerAsync(feedId, site.Url($"/{feedId}/feed.xml"), new Dictionary<string, string>
        {
            ["NewsWatch__Alerts__Recipients__0"] = "analyst@example.com",
            ["NewsWatch__Alerts__Smtp__Host"] = SmtpSink.Host,
            ["NewsWatch__Alerts__Smtp__Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewsWatch__Alerts__Smtp__EnableSsl"] = "false",
            ["NewsWatch__Alerts__Smtp__Timeout"] = "00:00:10",
        });

        var queue = new QueueClient(azurite.ConnectionString, storage.Options.ArticlesQueue);
        await queue.SendMessageAsync(new ArticleMessage(feedId, feedId + "-1", articleUrl, "Xiaomi gets NDRC approval", null, DateTimeOffset.UtcNow).ToJson());
        var message = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value.Single(m => m.MessageText.Contains(feedId, StringComparison.Ordinal));

        // The invocation records the approval, stores the article and delivers the alert before it answers.
        var first = await InvokeAsync(handler, "ProcessArticle", QueuePayload(message));
        Assert.Contains("Stored", first.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        var mail = Assert.Single(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Contains("NDRC approval granted", mail.Header("Subject"), StringComparison.Ordinal);
        Assert.Equal(["analyst@example.com"], mail.RcptTo);
        Assert.Contains(articleUrl.AbsoluteUri, mail.Text, StringComparison.Ordinal);

        // The host hands the same message over again (e.g. its answer was lost): still one email.
        var again = await InvokeAsync(handler, "ProcessArticle", QueuePayload(message));
        Assert.Contains("Unchanged", again.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Single(sink.Messages);
    }

    /// <summary>
    /// The queues and tables infra/ creates in Azure; the emulator starts empty. The app's own composition says which
    /// ones, with the same settings the handler gets.
    /// </summary>
    private async Task<StorageClientFactory> CreateStorageAsync()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString }).Build();
        await using var services = new ServiceCollection().AddLogging().AddNewsWatch(config).BuildServiceProvider();
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync();
        return services.GetRequiredService<StorageClientFactory>();
    }

    private Task<HostedHandler> StartHandlerAsync(string feedId, Uri feedUrl, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["NewsWatch__PollSchedule"] = "0 */15 * * * *",
            ["NewsWatch__Feeds__0__Id"] = feedId,
            ["NewsWatch__Feeds__0__Name"] = "Smoke test feed",
            ["NewsWatch__Feeds__0__Url"] = feedUrl.AbsoluteUri,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return HostedHandler.StartAsync(package.AppRoot, "handler", settings);
    }

    private static async Task<JsonElement> InvokeAsync(HostedHandler handler, string function, string payload)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await handler.Client.PostAsync(new Uri("/" + function, UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{function} answered {(int)response.StatusCode}: {body}\nhandler output:\n{handler.Output}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    /// <summary>The queue-trigger payload the host builds: trigger value and string metadata JSON-encoded twice.</summary>
    private static string QueuePayload(QueueMessage message)
    {
        static string Once(string text) => JsonSerializer.Serialize(text);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("Data");
            json.WriteString("message", Once(message.MessageText));
            json.WriteEndObject();
            json.WriteStartObject("Metadata");
            json.WriteString("DequeueCount", message.DequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("Id", Once(message.MessageId));
            json.WriteString("PopReceipt", Once(message.PopReceipt));
            json.WriteString("InsertionTime", message.InsertedOn!.Value);
            json.WriteString("ExpirationTime", message.ExpiresOn!.Value);
            json.WriteStartObject("sys");
            json.WriteString("MethodName", "ProcessArticle");
            json.WriteString("UtcNow", DateTimeOffset.UtcNow);
            json.WriteString("RandGuid", Guid.NewGuid());
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? TryBase64(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var n) ? Encoding.UTF8.GetString(bytes, 0, n) : null;
    }
}
