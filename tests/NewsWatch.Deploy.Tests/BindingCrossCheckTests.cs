using System.Reflection;
using NewsWatch.Deploy.Tests.Settings;
using NewsWatch.Infrastructure.Storage;

namespace NewsWatch.Deploy.Tests;

/// <summary>
/// The functions the host indexes (functions.metadata, generated from the function classes), the queue and table
/// names in the code (what the pipeline uses) and infra/ (what exists in Azure) must name the same things.
/// </summary>
public sealed class BindingCrossCheckTests
{
    private static readonly IReadOnlyList<FunctionDefinition> Functions = DeploymentFiles.Functions();

    [Fact]
    public void The_worker_declares_a_timer_a_queue_and_an_http_function()
    {
        Assert.Equal(
            ["Approvals", "Article", "Articles", "Dashboard", "Feeds", "PollFeeds", "ProcessArticle", "Status", "Stories", "Story"],
            Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(Functions.Where(f => f.Trigger["type"] == "httpTrigger"), f => Assert.Equal("Function", f.Trigger["authLevel"]));
        var poll = Functions.Single(f => f.Name == "PollFeeds").Trigger;
        Assert.Equal(("timerTrigger", "%NewsWatch:PollSchedule%", "false"), (poll["type"], poll["schedule"], poll["runOnStartup"]));
        var status = Functions.Single(f => f.Name == "Status").Trigger;
        Assert.Equal(("httpTrigger", "status", "Function"), (status["type"], status["route"], status["authLevel"]));
        Assert.Contains("get", status["methods"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_queue_trigger_listens_on_the_queue_setting_the_pipeline_writes_to_with_the_storage_connection()
    {
        var trigger = Functions.Single(f => f.Name == "ProcessArticle").Trigger;

        Assert.Equal("queueTrigger", trigger["type"]);
        Assert.Equal($"%{StorageOptions.Section}:{nameof(StorageOptions.ArticlesQueue)}%", trigger["queueName"]);
        Assert.Equal(StorageConnection.Setting, trigger["connection"]);
    }

    [Fact]
    public void Every_app_setting_a_binding_names_is_deployed_and_in_the_local_example()
    {
        var infra = DeploymentFiles.InfraSettingNames();
        var local = DeploymentFiles.LocalSettingsValues();
        var referenced = Functions.SelectMany(f => f.Bindings).SelectMany(b => b.Values).SelectMany(DeploymentFiles.SettingReferences).Distinct().ToList();

        Assert.Equal(["NewsWatch__PollSchedule", "NewsWatch__Storage__ArticlesQueue"], referenced.Order(StringComparer.Ordinal));
        foreach (var name in referenced)
        {
            Assert.Contains(name, infra);
            Assert.True(local.ContainsKey(name), $"{name} missing from local.settings.json.example");
        }
    }

    [Fact]
    public void Infra_creates_every_queue_and_table_the_code_uses()
    {
        var infraNames = DeploymentFiles.BicepAssignments();
        var variables = DeploymentFiles.BicepStringVariables();
        string[] Created(string resourceType) => File.ReadAllLines(Path.Combine(DeploymentFiles.InfraDirectory, "app", "storage.bicep"))
            .Select((line, i) => (line, i))
            .Where(x => x.line.Contains(resourceType, StringComparison.Ordinal))
            .Select(x => infraNames.First(a => a.File.EndsWith("storage.bicep", StringComparison.Ordinal) && a.Line > x.i && a.Name == "name").Value)
            .Select(v => DeploymentFiles.ResolveLiteral(v, variables) ?? v)
            .ToArray();

        var queues = Created("queueServices/queues@");
        var tables = Created("tableServices/tables@");
        var options = new StorageOptions();
        Assert.Contains(options.ArticlesQueue, queues);
        Assert.Contains(StorageClients.PoisonQueueName(options.ArticlesQueue), queues);

        // Every table name the code's options default to (StorageOptions and any other options class with *Table).
        foreach (var table in TableDefaults())
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public void Queue_and_table_settings_in_infra_name_the_queues_and_tables_infra_creates()
    {
        // Infra creates the default names; an app setting naming another queue would leave the trigger on a queue
        // that does not exist.
        var variables = DeploymentFiles.BicepStringVariables();
        var defaults = typeof(StorageOptions).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && (p.Name.EndsWith("Queue", StringComparison.Ordinal) || p.Name.EndsWith("Table", StringComparison.Ordinal)))
            .ToDictionary(p => $"NewsWatch__Storage__{p.Name}", p => DefaultName(p.Name), StringComparer.OrdinalIgnoreCase);
        var set = DeploymentFiles.BicepAssignments().Where(a => defaults.ContainsKey(a.Name)).ToList();

        Assert.Equal(defaults.Count, set.Select(a => a.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(set, a => Assert.Equal(defaults[a.Name], DeploymentFiles.ResolveLiteral(a.Value, variables)));
    }

    /// <summary>The article index's name follows the articles table's unless set; its default is that derived name.</summary>
    private static string DefaultName(string property)
    {
        var options = new StorageOptions();
        return property == nameof(StorageOptions.ArticleIndexTable)
            ? options.ArticleIndexTableName
            : (string)typeof(StorageOptions).GetProperty(property)!.GetValue(options)!;
    }

    [Fact]
    public void Infra_runs_the_dotnet_isolated_10_runtime()
    {
        var function = File.ReadAllText(Path.Combine(DeploymentFiles.InfraDirectory, "app", "function.bicep"));
        Assert.Matches(@"runtime:\s*\{\s*name:\s*'dotnet-isolated'\s*version:\s*dotnetVersion\s*\}", function);
        Assert.Matches(@"param dotnetVersion string = '10\.0'", function);
    }

    private static IEnumerable<string> TableDefaults() =>
        typeof(StorageOptions).Assembly.GetTypes().Concat(typeof(NewsWatch.Pipeline.PipelineOptions).Assembly.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && p.CanRead && p.Name.EndsWith("Table", StringComparison.Ordinal))
                .Select(p => (string?)p.GetValue(Activator.CreateInstance(t))))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
}
