using Microsoft.Extensions.Configuration;

namespace NewsWatch.Cli.Local;

/// <summary>
/// Configuration for local commands: the file given with <c>--config</c>, or else <c>newswatch.json</c> shipped beside
/// the executable (the real feed list), then environment variables (the same names as Azure app settings, e.g.
/// <c>NewsWatch__PollSchedule</c>). Only one file is used because configuration merges lists by index: a sample
/// config's two feeds would otherwise inherit the default list's third and later feeds.
/// Relative paths inside a config file are taken relative to that file.
/// </summary>
internal static class LocalConfiguration
{
    public const string DefaultFileName = "newswatch.json";

    private static readonly string[] AppFolderSettings = ["NewsWatch:Local:DataDirectory", "NewsWatch:Alerts:PickupDirectory"];

    public static IConfigurationRoot Load(string? configFile)
    {
        var file = configFile ?? Path.Combine(AppContext.BaseDirectory, DefaultFileName);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"config file '{file}' does not exist", file);
        }

        var config = new ConfigurationBuilder().AddJsonFile(file, optional: false).AddEnvironmentVariables().Build();
        var baseDir = configFile is null ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(configFile))!;
        config["NewsWatch:ConfigDirectory"] = baseDir;

        // Folders the app itself reads (not only the CLI) are made absolute here, so every consumer agrees on them.
        foreach (var key in AppFolderSettings)
        {
            if (ResolvePath(config, key) is { } absolute)
            {
                config[key] = absolute;
            }
        }

        return config;
    }

    /// <summary>Resolves a path setting against the folder of the config file it came from.</summary>
    public static string? ResolvePath(IConfiguration config, string key)
    {
        var value = config[key];
        return string.IsNullOrWhiteSpace(value) ? null : Path.GetFullPath(value, config["NewsWatch:ConfigDirectory"] ?? Environment.CurrentDirectory);
    }
}
