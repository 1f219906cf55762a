using System.Text.RegularExpressions;
using NewsWatch.Deploy.Tests.Settings;
using NewsWatch.Infrastructure.Storage;
using Xunit.Abstractions;

namespace NewsWatch.Deploy.Tests;

/// <summary>
/// Every setting the code reads (found by asking the code, see <see cref="SettingsDiscovery"/>) must be deployed by
/// infra/ and listed in local.settings.json.example, with secrets coming from Key Vault and storage reached without
/// keys. A setting added to the code without a deployment entry fails here, not in Azure.
/// </summary>
public sealed partial class SettingsCrossCheckTests(ITestOutputHelper output)
{
    /// <summary>
    /// Keys the code reads that are deliberately not app settings. Each must still be read by the code
    /// (<see cref="Every_exemption_is_still_read_by_the_code"/>), so the list cannot silently outlive its reason.
    /// </summary>
    private static readonly Dictionary<string, string> NotAppSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NewsWatch:Local:DataDirectory"] = "local runs only: where newswatch run keeps Azurite data and the pickup folder",
        ["NewsWatch:Alerts:Smtp:PinnedCertificateSha256"] = "optional: only for a relay whose certificate does not chain to a public root",
        // Null means "retry until sent"; an app setting can only hold a number, so the default is left unset.
        ["NewsWatch:Alerts:MaxAttempts"] = "unset = never give up; set NewsWatch__Alerts__MaxAttempts to cap retries",
    };

    /// <summary>Whole sections that are deliberately not deployed, with the same stale check.</summary>
    private static readonly Dictionary<string, string> NotAppSettingSections = new(StringComparer.OrdinalIgnoreCase)
    {
        // Empty means the built-in subject (WatchSubjectOptions.XiaomiEv). A custom subject replaces it as a whole,
        // so deploying part of it (a Key alone) would silently replace the built-in one with an empty one.
        ["WatchSubject"] = "optional all-or-nothing override of the built-in Xiaomi EV subject (docs/deploy.md)",
        // A list: the binder appends configured entries to the built-in ones, so the defaults are not written out.
        ["NewsWatch:Stories:Entities"] = "optional extra story entities (name, aliases, weight) on top of the built-in list",
        [StorageRegistration.ClientSection] = "optional override of the Azure SDK's retry and timeout policy; the defaults are set in code",
    };

    private static bool IsExempt(string key) =>
        NotAppSettings.ContainsKey(key)
        || NotAppSettingSections.Keys.Any(s => InSection(key, s));

    /// <summary>A section is read either whole (its own key, e.g. by <c>Get&lt;T&gt;()</c>) or key by key.</summary>
    private static bool InSection(string key, string section) =>
        key.Equals(section, StringComparison.OrdinalIgnoreCase) || key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Required =>
        SettingsDiscovery.Settings.Leaves.Where(k => !IsExempt(k));

    [Fact]
    public void Discovery_finds_the_settings_every_deployment_needs()
    {
        // A canary for the discovery itself: if it stopped seeing the code's reads, the checks below would pass on nothing.
        var leaves = SettingsDiscovery.Settings.Leaves;
        foreach (var binding in SettingsDiscovery.Settings.Bindings)
        {
            output.WriteLine(binding);
        }

        output.WriteLine("settings the code reads:");
        foreach (var leaf in leaves)
        {
            output.WriteLine($"  {SettingNames.ToEnvironmentName(leaf)}{(IsExempt(leaf) ? "   (not an app setting, see the exemptions)" : "")}");
        }

        Assert.Contains("NewsWatch:PollSchedule", leaves, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("NewsWatch:Feeds:0:Url", leaves, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("NewsWatch:Storage:ArticlesQueue", leaves, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("AzureWebJobsStorage:queueServiceUri", leaves, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("AzureWebJobsStorage", SettingsDiscovery.Settings.ValueReads, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_setting_the_code_reads_is_set_by_infra()
    {
        var infra = DeploymentFiles.InfraSettingNames();
        var missing = Required.Where(k => !SettingsDiscovery.Settings.IsProvided(k, infra)).Select(SettingNames.ToEnvironmentName).ToList();
        Assert.True(missing.Count == 0, $"read by the code but not set in infra/*.bicep: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_setting_the_code_reads_is_in_local_settings_example()
    {
        var local = DeploymentFiles.LocalSettingsValues().Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = Required.Where(k => !SettingsDiscovery.Settings.IsProvided(k, local)).Select(SettingNames.ToEnvironmentName).ToList();
        Assert.True(missing.Count == 0, $"read by the code but not in local.settings.json.example: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_exemption_is_still_read_by_the_code()
    {
        var stale = NotAppSettings.Keys.Where(k => !SettingsDiscovery.Settings.ValueReads.Contains(k))
            .Concat(NotAppSettingSections.Keys.Where(s => !SettingsDiscovery.Settings.ValueReads.Any(k => InSection(k, s))))
            .ToList();
        Assert.True(stale.Count == 0, $"exempted but no longer read by the code (remove from the list): {string.Join(", ", stale)}");
    }

    [Fact]
    public void Infra_reaches_storage_by_managed_identity_without_keys()
    {
        var assignments = DeploymentFiles.BicepAssignments();

        // A plain AzureWebJobsStorage value would be a connection string, i.e. an account key in app settings.
        Assert.DoesNotContain(assignments, a => a.Name.Equals("AzureWebJobsStorage", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(assignments, a => a.Name == "AzureWebJobsStorage__credential" && a.Value == "'managedidentity'");
        Assert.Contains(assignments, a => a.Name == "allowSharedKeyAccess" && a.Value == "false");
        foreach (var file in DeploymentFiles.BicepFiles)
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains("listKeys(", StringComparison.OrdinalIgnoreCase), $"{file} reads account keys");
            Assert.False(text.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase), $"{file} builds a key-based connection string");
        }
    }

    [Fact]
    public void Secrets_come_from_key_vault_references()
    {
        var secrets = Required.Where(k => SecretName().IsMatch(k.Split(':')[^1])).ToList();
        var assignments = DeploymentFiles.BicepAssignments();
        foreach (var secret in secrets)
        {
            var name = SettingNames.ToEnvironmentName(secret);
            var set = assignments.Where(a => SettingNames.Normalize(a.Name).Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(set.Count > 0, $"secret {name} is not set in infra");
            Assert.All(set, a => Assert.Contains("@Microsoft.KeyVault(SecretUri=", a.Value, StringComparison.Ordinal));
        }

        // However the secret settings are named, none may hold a literal in infra (it would sit in the template and
        // in the deployment history).
        Assert.DoesNotContain(assignments, a => SecretName().IsMatch(a.Name.Split("__")[^1])
            && a.Value.StartsWith('\'') && !a.Value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal));
    }

    [Fact]
    public void Local_settings_example_runs_the_isolated_worker_against_azurite()
    {
        var values = DeploymentFiles.LocalSettingsValues();
        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
        Assert.DoesNotContain(values, v => SecretName().IsMatch(v.Key.Split("__")[^1]) && !string.IsNullOrEmpty(v.Value) && !v.Value.StartsWith('<'));
    }

    [GeneratedRegex("(password|secret)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
