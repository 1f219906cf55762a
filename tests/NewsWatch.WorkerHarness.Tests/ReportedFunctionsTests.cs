using System.Text.Json;

namespace NewsWatch.WorkerHarness.Tests;

/// <summary>What the published worker tells the host about itself, and what the package holds.</summary>
[Trait("Category", "Protocol")]
[Collection(WorkerCollection.Name)]
public sealed class ReportedFunctionsTests(WorkerFixture worker)
{
    /// <summary>The pipeline's timer and queue functions, and the HTTP functions of the status and read API.</summary>
    private static readonly Dictionary<string, string> ExpectedTriggers = new(StringComparer.Ordinal)
    {
        ["PollFeeds"] = "timerTrigger",
        ["ProcessArticle"] = "queueTrigger",
        ["Status"] = "httpTrigger",
        ["Articles"] = "httpTrigger",
        ["Article"] = "httpTrigger",
        ["Approvals"] = "httpTrigger",
        ["Stories"] = "httpTrigger",
        ["Story"] = "httpTrigger",
        ["Feeds"] = "httpTrigger",
        ["Dashboard"] = "httpTrigger",
    };

    [Fact]
    public void Worker_indexing_reports_exactly_the_apps_functions()
    {
        Assert.Equal(ExpectedTriggers.Keys.Order(StringComparer.Ordinal), worker.Host.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(worker.Host.Functions, f => Assert.Equal(ExpectedTriggers[f.Name], f.Trigger.Type));
        Assert.All(worker.Host.Functions, f =>
        {
            Assert.False(string.IsNullOrEmpty(f.FunctionId));
            Assert.Equal("NewsWatch.Functions.dll", f.ScriptFile);
            Assert.Matches($@"^NewsWatch\.Functions\.{f.Name}\.Run(Async)?$", f.EntryPoint); // one class per function
        });
    }

    [Fact]
    public void PollFeeds_is_a_timer_whose_schedule_comes_from_the_setting()
    {
        var trigger = worker.Host.GetFunction("PollFeeds").Trigger;

        Assert.Equal("timerTrigger", trigger.Type);
        Assert.Equal("In", trigger.Direction);
        Assert.Equal("%NewsWatch:PollSchedule%", trigger.RawProperties["schedule"]);
        Assert.Equal(WorkerFixture.Schedule, trigger.Schedule);
    }

    [Fact]
    public void ProcessArticle_listens_on_the_queue_named_by_the_setting_with_the_host_storage_connection()
    {
        var trigger = worker.Host.GetFunction("ProcessArticle").Trigger;

        Assert.Equal("queueTrigger", trigger.Type);
        Assert.Equal("%NewsWatch:Storage:ArticlesQueue%", trigger.RawProperties["queueName"]);
        // Not the default "articles": the binding expression, not a constant, decides the queue.
        Assert.Equal(worker.ArticlesQueue, trigger.QueueName);
        Assert.Equal("AzureWebJobsStorage", trigger.Connection);
    }

    [Fact]
    public void Status_is_an_http_get_on_route_status_with_function_auth_and_an_http_return()
    {
        var function = worker.Host.GetFunction("Status");
        var trigger = function.Trigger;

        Assert.Equal("httpTrigger", trigger.Type);
        Assert.Equal("status", trigger.Route);
        Assert.Equal("Function", trigger.AuthLevel);
        Assert.Equal(["get"], JsonSerializer.Deserialize<string[]>(trigger.RawProperties["methods"]!) ?? []);
        var output = Assert.Single(function.Bindings, b => b.Direction == "Out");
        Assert.Equal(("$return", "http"), (output.Name, output.Type));
    }

    [Fact]
    public void Start_up_runs_the_host_phases_in_order_and_the_worker_offers_http_proxying()
    {
        var t = worker.Host.Timeline;

        Assert.True(TimeSpan.Zero < t.StartStreamReceived, $"{t}");
        Assert.True(t.StartStreamReceived <= t.InitAnswered && t.InitAnswered <= t.MetadataAnswered && t.MetadataAnswered <= t.FunctionsLoaded, $"{t}");
        Assert.True(worker.Host.WorkerCapabilities.ContainsKey("HttpUri"), string.Join(", ", worker.Host.WorkerCapabilities.Keys));
        Assert.True(worker.Host.WorkerPeakResidentBytes() > 10 * 1024 * 1024);
    }

    [Fact]
    public void Functions_metadata_in_the_package_lists_every_trigger()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(worker.PublishDirectory, "functions.metadata")));
        var triggers = doc.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray()
                .Select(b => b.GetProperty("type").GetString()!)
                .Single(t => t.EndsWith("Trigger", StringComparison.Ordinal)));

        Assert.Equal(ExpectedTriggers, triggers);
        foreach (var file in new[] { "host.json", "worker.config.json", "NewsWatch.Functions.dll" })
        {
            Assert.True(File.Exists(Path.Combine(worker.PublishDirectory, file)), $"{file} missing from the package");
        }

        Assert.True(Directory.Exists(Path.Combine(worker.PublishDirectory, ".azurefunctions")), ".azurefunctions/ missing from the package");
    }

    [Fact]
    public void The_package_holds_no_local_dev_test_or_benchmark_assembly()
    {
        string[] forbidden =
        [
            "NewsWatch.LocalDev", "NewsWatch.Evaluation", "NewsWatch.Benchmarks", "NewsWatch.Cli", "newswatch",
            "NewsWatch.WorkerHarness", "NewsWatch.Testing", "xunit.core", "Grpc.AspNetCore.Server",
        ];
        var assemblies = Directory.EnumerateFiles(worker.PublishDirectory, "*.dll", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();

        Assert.Contains("NewsWatch.Functions", assemblies);
        Assert.DoesNotContain(assemblies, a => forbidden.Contains(a, StringComparer.OrdinalIgnoreCase));
    }
}
