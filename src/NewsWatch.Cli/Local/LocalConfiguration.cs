using Microsoft.Extensions.Configuration;

namespace NewsWatch.Cli.Local;

/// <summary>
/// Configuration for local commands: the defaults shipped beside the executable, then the file given with
/// <c>--config</c>, then environment variables (the same names as Azure app settings, e.g. <c>NewsWatch__PollSchedule</c>).
/// Relative paths inside a config file are taken relative to that file.
/// </summary>
internal static class LocalConfiguration
{
    public static IConfigurationRoot Load(string? configFile)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new FileNotFoundException($"config file '{configFile}' does not exist", configFile);
            }

            builder.AddJsonFile(configFile, optional: false);
        }

        builder.AddEnvironmentVariables();
        var config = builder.Build();
        var baseDir = configFile is null ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(configFile))!;
        config["NewsWatch:ConfigDirectory"] = baseDir;
        return config;
    }

    /// <summary>Resolves a path setting against the folder of the config file it came from.</summary>
    public static string? ResolvePath(IConfiguration config, string key)
    {
        var value = config[key];
        return string.IsNullOrWhiteSpace(value) ? null : Path.GetFullPath(value, config["NewsWatch:ConfigDirectory"] ?? Environment.CurrentDirectory);
    }
}
