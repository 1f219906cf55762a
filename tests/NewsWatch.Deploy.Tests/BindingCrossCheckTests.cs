using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using NewsWatch.Deploy.Tests.Settings;
using NewsWatch.Functions;
using NewsWatch.Infrastructure;

namespace NewsWatch.Deploy.Tests;

/// <summary>
/// The function folders (what the Functions host calls), the handler's endpoints (what answers), the queue and table
/// names in the code (what the pipeline uses) and infra/ (what exists in Azure) must name the same things.
/// </summary>
public sealed class BindingCrossCheckTests
{
    private static readonly IReadOnlyList<FunctionDefinition> Functions = DeploymentFiles.Functions();

    [Fact]
    public async Task Every_function_folder_has_a_POST_endpoint_and_every_endpoint_a_folder()
    {
        // The real endpoint table of the handler (not its source text): build the app without starting it.
        await using var app = HandlerApp.Build(["--AzureWebJobsStorage=UseDevelopmentStorage=true"]);
        var posts = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(Functions);
        // Case matters: the host POSTs to /{folder name} exactly.
        Assert.Equal(Functions.Select(f => f.Name).Order(StringComparer.Ordinal), posts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Queue_triggers_listen_on_the_queue_the_pipeline_writes_with_the_storage_connection()
    {
        var queueTriggers = Functions.Where(f => f.Trigger["type"] == "queueTrigger").ToList();
        Assert.NotEmpty(queueTriggers);
        foreach (var f in queueTriggers)
        {
            Assert.Equal(new StorageOptions().ArticlesQueue, f.Trigger["queueName"]);
            Assert.Equal(StorageOptions.ConnectionSetting, f.Trigger.GetValueOrDefault("connection", StorageOptions.ConnectionSetting));
        }
    }

    [Fact]
    public void Every_app_setting_a_binding_names_is_deployed_and_in_the_local_example()
    {
        var infra = DeploymentFiles.InfraSettingNames();
        var local = DeploymentFiles.LocalSettingsValues();
        var referenced = Functions.SelectMany(f => f.Bindings).SelectMany(b => b.Values).SelectMany(DeploymentFiles.SettingReferences).Distinct().ToList();

        Assert.Contains("NewsWatch__PollSchedule", referenced);
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
        Assert.Contains(StorageInitializer.PoisonQueueName(options.ArticlesQueue), queues);

        // Every table name the code's options default to (StorageOptions and any other options class with *Table).
        foreach (var table in TableDefaults())
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public void Queue_and_table_settings_in_infra_keep_the_names_function_json_and_the_tables_use()
    {
        // function.json hard-codes the queue name; an app setting renaming it would split trigger and producer.
        var variables = DeploymentFiles.BicepStringVariables();
        var defaults = typeof(StorageOptions).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && (p.Name.EndsWith("Queue", StringComparison.Ordinal) || p.Name.EndsWith("Table", StringComparison.Ordinal)))
            .ToDictionary(p => $"NewsWatch__Storage__{p.Name}", p => (string)p.GetValue(new StorageOptions())!, StringComparer.OrdinalIgnoreCase);
        var set = DeploymentFiles.BicepAssignments().Where(a => defaults.ContainsKey(a.Name)).ToList();

        Assert.Equal(defaults.Count, set.Select(a => a.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(set, a => Assert.Equal(defaults[a.Name], DeploymentFiles.ResolveLiteral(a.Value, variables)));
    }

    [Fact]
    public void Output_bindings_are_answered_under_their_binding_names()
    {
        var endpoints = File.ReadAllText(Path.Combine(RepoRoot.Path, "src", "NewsWatch.Functions", "Invocations", "FunctionEndpoints.cs"));
        var outputs = Functions.SelectMany(f => f.Bindings)
            .Where(b => b["direction"] == "out" && b["name"] != "$return")
            .Select(b => b["name"]).ToList();

        Assert.NotEmpty(outputs);
        // The host matches Outputs keys case-sensitively; the endpoints put them in a dictionary literal ["name"].
        Assert.All(outputs, name => Assert.Contains($"[\"{name}\"]", endpoints, StringComparison.Ordinal));
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
