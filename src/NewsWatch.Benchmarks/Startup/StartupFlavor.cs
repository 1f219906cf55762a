namespace NewsWatch.Benchmarks.Startup;

/// <summary>
/// One way to build and run the Functions worker. Flavors that differ only in <see cref="Environment"/> (runtime knobs
/// such as TieredPGO) share the publish output of <see cref="Build"/>.
/// </summary>
public sealed record StartupFlavor(string Name, StartupBuild Build, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>framework-dependent, portable IL: every method of ours and our dependencies is jitted at first call.</summary>
    public static StartupBuild FrameworkDependent { get; } = new("framework-dependent", ["-p:PublishReadyToRun=false"]);

    /// <summary>linux-x64 ReadyToRun per assembly on the platform's .NET, as Microsoft documents for Functions.</summary>
    public static StartupBuild ReadyToRun { get; } = new("ready-to-run", ["-r", "linux-x64", "-p:PublishReadyToRun=true", "--self-contained", "false"]);

    /// <summary>
    /// Self-contained with the framework and the app compiled into one ReadyToRun composite image: the framework's
    /// generic code instantiated over the app's types (async state machines above all) is precompiled too, which a
    /// per-assembly image cannot hold. The Worker SDK points worker.config.json at the app's own executable. The
    /// shipped build (scripts/publish.sh default).
    /// </summary>
    public static StartupBuild SelfContainedComposite { get; } = new(
        "self-contained-composite", ["-r", "linux-x64", "-p:PublishReadyToRun=true", "--self-contained", "true", "-p:PublishReadyToRunComposite=true"]);

    public static IReadOnlyList<StartupFlavor> Defaults(bool runtimeVariants)
    {
        var none = new Dictionary<string, string>();
        var list = new List<StartupFlavor>
        {
            new("framework-dependent (JIT)", FrameworkDependent, none),
            new("ready-to-run per assembly", ReadyToRun, none),
            new("composite, self-contained (shipped)", SelfContainedComposite, none),
        };
        if (runtimeVariants)
        {
            // Runtime switches, not builds: they change how the same R2R code is promoted, so they need no publish.
            list.Add(new("composite, DOTNET_TieredPGO=0", SelfContainedComposite, new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" }));
            list.Add(new("composite, DOTNET_TC_QuickJitForLoops=0", SelfContainedComposite, new Dictionary<string, string> { ["DOTNET_TC_QuickJitForLoops"] = "0" }));
            list.Add(new("composite, DOTNET_TieredCompilation=0", SelfContainedComposite, new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" }));
        }

        return list;
    }
}

/// <summary>A <c>dotnet publish</c> of the Functions app: the folder name under the bench output and the extra arguments.</summary>
public sealed record StartupBuild(string Name, IReadOnlyList<string> PublishArguments);
