using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using NewsWatch.Alerts;
using NewsWatch.LocalDev;
using NewsWatch.Testing.Repo;
using NewsWatch.Testing.Http;
using NewsWatch.Testing.Smtp;
using Xunit.Abstractions;

namespace NewsWatch.Integration.Tests.Faults;

/// <summary>
/// 200 articles (six of them rewrites of one approval) through a separate `newswatch run` process on Azurite while
/// Azurite is stopped and restarted, the worker is killed mid-message and restarted, the mail server is down for the
/// first part and the site answers 503 at random. Nothing may be lost or stored twice, and the approval gets exactly
/// one email.
/// </summary>
[Trait("Category", "Faults")]
public sealed class FaultDrillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Articles = 200;
    private static readonly int[] ApprovalRewrites = [10, 45, 80, 115, 150, 185];
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    private readonly Random _random = new(20261207);
    private readonly Lock _randomGate = new();
    private AzuriteLauncher _azurite = null!;
    private LoopbackHttpServer _site = null!;
    private SmtpSink _smtp = null!;
    private string _folder = "";
    private int _served503;

    public async Task InitializeAsync()
    {
        _site = await LoopbackHttpServer.StartAsync();
        _smtp = await SmtpSink.StartAsync();
        await _smtp.StopAsync(); // down for the first part of the run; same port when it comes back
        _folder = Directory.CreateTempSubdirectory("nw-faults-").FullName;

        // Its own Azurite, persisting to disk: a real outage loses no data, and the shared test Azurite keeps its
        // data in memory only.
        _azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions
        {
            RepositoryRoot = AzuriteLauncher.FindRepositoryRoot(RepoPaths.Root),
            Location = Directory.CreateDirectory(Path.Combine(_folder, "azurite")).FullName,
        });
    }

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        await _site.DisposeAsync();
        await _smtp.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Nothing_is_lost_or_duplicated_and_the_approval_gets_one_email()
    {
        var scope = PipelineServices.NewScope();
        ServeSite();
        var config = Path.Combine(_folder, "newswatch.json");
        await File.WriteAllTextAsync(config, Config(scope).ToJsonString());
        var articles = new TableClient(_azurite.ConnectionString, $"articles{scope}");

        await using (var worker = new SupervisedWorker(config, Path.Combine(_folder, "worker.log")))
        {
            worker.Start();
            try
            {
                await WaitForRowsAsync(articles, 40, worker);
                worker.Kill(); // mid-batch: up to 16 messages leased and half done

                await WaitForRowsAsync(articles, 100, worker);
                await _azurite.StopAsync();
                await Task.Delay(TimeSpan.FromSeconds(4));
                await _azurite.ResumeAsync();

                await WaitForRowsAsync(articles, 150, worker);
                await _smtp.StartAsync();

                await WaitForRowsAsync(articles, Articles, worker);
                await WaitUntilAsync(() => _smtp.Messages.Count >= 1, worker, "the approval email");
                await Task.Delay(TimeSpan.FromSeconds(5)); // any duplicate send would land now
            }
            finally
            {
                output.WriteLine($"worker starts {worker.Starts}, kills {worker.Kills}, 503s served {_served503}");
                output.WriteLine(worker.LogTail(25));
            }
        }

        var rows = new List<TableEntity>();
        await foreach (var e in articles.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "ItemId", "Status", "Assessment"]))
        {
            rows.Add(e);
        }

        var expectedItems = Enumerable.Range(0, Articles).Select(i => $"item-{i}").ToHashSet(StringComparer.Ordinal);
        var byItem = rows.GroupBy(r => r.GetString("ItemId") ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var stored = rows.Count(r => r.GetString("Status") == "Stored");
        var poisonQueue = new QueueClient(_azurite.ConnectionString, $"articles-{scope}-poison");
        var poisoned = (await poisonQueue.ExistsAsync()).Value ? (await poisonQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
        var lost = expectedItems.Count(i => !byItem.ContainsKey(i)) - poisoned;
        var duplicated = byItem.Values.Sum(n => n - 1);
        var emailsByKey = _smtp.Messages.GroupBy(m => m.Header(AlertEmail.AlertKeyHeader) ?? "?", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var duplicatedEmails = emailsByKey.Values.Sum(n => n - 1);

        output.WriteLine("                 expected  stored/sent  lost  duplicated  poisoned");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"articles         {Articles,8}  {stored,11}  {lost,4}  {duplicated,10}  {poisoned,8}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alert emails     {1,8}  {_smtp.Messages.Count,11}  {(emailsByKey.Count == 0 ? 1 : 0),4}  {duplicatedEmails,10}"));
        output.WriteLine("email keys: " + string.Join(", ", emailsByKey.Select(kv => $"{kv.Key} x{kv.Value}")));

        Assert.Equal(0, lost);
        Assert.Equal(0, duplicated);
        Assert.Equal(Articles, stored + poisoned);
        Assert.Equal(0, duplicatedEmails);
        Assert.Single(emailsByKey); // the six rewrites are one event
    }

    private JsonObject Config(string scope) => new()
    {
        ["AzureWebJobsStorage"] = _azurite.ConnectionString,
        ["NewsWatch"] = new JsonObject
        {
            ["PollSchedule"] = "*/3 * * * * *",
            ["FeedBackoff"] = "00:00:01",
            ["MaxFeedBackoff"] = "00:00:02",
            ["Feeds"] = new JsonArray(new JsonObject { ["Id"] = "drill", ["Url"] = _site.Url("/feed.xml").AbsoluteUri }),
            ["Storage"] = new JsonObject
            {
                ["ArticlesQueue"] = $"articles-{scope}",
                ["ArticlesTable"] = $"articles{scope}",
                ["FeedsTable"] = $"feeds{scope}",
                ["FeedItemsTable"] = $"feeditems{scope}",
                ["StoriesTable"] = $"stories{scope}",
                ["Client"] = new JsonObject { ["Retry"] = new JsonObject { ["MaxRetries"] = 2, ["Delay"] = "00:00:00.200", ["NetworkTimeout"] = "00:00:05" } },
            },
            ["Fetch"] = new JsonObject
            {
                ["AllowPrivateNetworks"] = true, // the drill's site is on loopback
                ["Timeout"] = "00:00:10",
                ["Resilience"] = new JsonObject { ["Retry"] = new JsonObject { ["Delay"] = "00:00:00.050", ["MaxRetryAttempts"] = 2 } },
            },
            ["Alerts"] = new JsonObject
            {
                ["Table"] = $"alerts{scope}",
                ["From"] = "NewsWatch <newswatch@example.com>",
                ["Recipients"] = new JsonArray("analyst@example.com"),
                ["InitialRetryDelay"] = "00:00:01",
                ["MaxRetryDelay"] = "00:00:02",
                ["SendLease"] = "00:00:20",
                ["Smtp"] = new JsonObject { ["Host"] = SmtpSink.Host, ["Port"] = _smtp.Port, ["EnableSsl"] = false, ["Timeout"] = "00:00:05" },
            },
            ["Local"] = new JsonObject { ["DataDirectory"] = _folder, ["QueueLease"] = "00:00:15" },
        },
    };

    private void ServeSite()
    {
        var items = string.Concat(Enumerable.Range(0, Articles).Select(i =>
            $"<item><title>Drill {i}</title><link>{_site.Url($"/news/{i}.html")}</link><guid>item-{i}</guid></item>"));
        _site.Serve("/feed.xml", ctx => Flaky(ctx, $"<rss version=\"2.0\"><channel><title>drill</title>{items}</channel></rss>", "application/rss+xml"));
        for (var i = 0; i < Articles; i++)
        {
            var page = Page(i);
            _site.Serve($"/news/{i}.html", ctx => Flaky(ctx, page, "text/html; charset=utf-8"));
        }
    }

    /// <summary>One answer in five is a 503, seeded so a failing run can be replayed.</summary>
    private async Task Flaky(HttpContext ctx, string body, string contentType)
    {
        bool fail;
        lock (_randomGate)
        {
            fail = _random.NextDouble() < 0.2;
        }

        if (fail)
        {
            Interlocked.Increment(ref _served503);
            ctx.Response.StatusCode = 503;
            return;
        }

        ctx.Response.ContentType = contentType;
        await ctx.Response.WriteAsync(body, ctx.RequestAborted);
    }

    private static string Page(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var approval = Array.IndexOf(ApprovalRewrites, i);
        var (title, body) = approval >= 0
            ? ($"Xiaomi wins NDRC approval for its EV plant (report {n})",
                $"<p>Xiaomi has received approval from the National Development and Reform Commission for its electric vehicle project, outlet {n} reported on Tuesday.</p>"
                + "<p>The state planner's approval allows Xiaomi to build cars at its plant in Beijing, with annual capacity of 150,000 vehicles in the first phase.</p>"
                + $"<p>The company plans to invest 10 billion dollars in the car business over ten years; rewrite number {approval} of the same news.</p>")
            : ($"EV market note {n}",
                $"<p>Carmaker number {n} delivered {1000 + (i * 37)} vehicles last month, its monthly report said, as competition in China's electric car market grew.</p>"
                + $"<p>The company said battery costs fell and that it expects steady demand through the quarter, according to note {n} from the trade press.</p>"
                + $"<p>Analysts following the sector said prices would stay under pressure as new models arrive; this is market note {n} of the drill.</p>");
        return $"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>";
    }

    private static async Task WaitForRowsAsync(TableClient table, int count, SupervisedWorker worker)
    {
        await WaitUntilAsync(async () =>
        {
            try
            {
                var n = 0;
                await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
                {
                    n++;
                }

                return n >= count;
            }
            catch (Azure.RequestFailedException)
            {
                return false; // not created yet, or Azurite restarting
            }
        }, worker, $"{count} article rows");
    }

    private static Task WaitUntilAsync(Func<bool> condition, SupervisedWorker worker, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), worker, what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, SupervisedWorker worker, string what)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"waited {Deadline} for {what}; worker log:\n{worker.LogTail()}");
            }

            await Task.Delay(500);
        }
    }
}
