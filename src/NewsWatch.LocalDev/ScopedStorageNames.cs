namespace NewsWatch.LocalDev;

/// <summary>
/// Settings that give one run its own queue and tables on a shared Azurite (tests, benchmarks), so runs never see
/// each other's messages or rows. The names satisfy both queue (lower-case, dashes) and table (alphanumeric) rules.
/// </summary>
public static class ScopedStorageNames
{
    public static string NewScope(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..10];

    public static Dictionary<string, string?> Settings(string scope) => new()
    {
        ["NewsWatch:Storage:ArticlesQueue"] = $"articles-{scope}",
        ["NewsWatch:Storage:ArticlesTable"] = $"articles{scope}",
        ["NewsWatch:Storage:FeedsTable"] = $"feeds{scope}",
        ["NewsWatch:Storage:FeedItemsTable"] = $"feeditems{scope}",
        ["NewsWatch:Storage:StoriesTable"] = $"stories{scope}",
        ["NewsWatch:Alerts:Table"] = $"alerts{scope}",
    };
}
