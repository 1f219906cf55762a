namespace NewsWatch.Benchmarks.Startup;

/// <summary>
/// One way to build and run the Functions worker. Flavors that differ only in <see cref="Environment"/> (runtime knobs
/// such as TieredPGO) share the publish output of <see cref="Build"/>.
/// </summary>
public sealed record StartupFlavor(string Name, StartupBuild Build, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>framework-dependent, portable IL: every method of ours and our dependencies is jitted at first call.</summary>
    public static StartupBuild FrameworkDependent { get; } = new("framework-dependent", ["-p:PublishReadyToRun=false"]);

    /// <summary>The shipped build (scripts/publish.sh default): linux-x64 ReadyToRun, framework-dependent.</summary>
    public static StartupBuild ReadyToRun { get; } = new("ready-to-run", ["-r", "linux-x64", "-p:PublishReadyToRun=true", "--self-contained", "false"]);

    public static IReadOnlyList<StartupFlavor> Defaults(bool runtimeVariants)
    {
        var none = new Dictionary<string, string>();
        var list = new List<StartupFlavor>
        {
            new("framework-dependent (JIT)", FrameworkDependent, none),
            new("ready-to-run (shipped)", ReadyToRun, none),
        };
        if (runtimeVariants)
        {
            // Runtime switches, not builds: they change how the same R2R code is promoted, so they need no publish.
            list.Add(new("ready-to-run, DOTNET_TieredPGO=0", ReadyToRun, new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" }));
            list.Add(new("ready-to-run, DOTNET_TC_QuickJitForLoops=0", ReadyToRun, new Dictionary<string, string> { ["DOTNET_TC_QuickJitForLoops"] = "0" }));
            list.Add(new("ready-to-run, DOTNET_TieredCompilation=0", ReadyToRun, new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" }));
        }

        return list;
    }
}

/// <summary>A <c>dotnet publish</c> of the Functions app: the folder name under the bench output and the extra arguments.</summary>
public sealed record StartupBuild(string Name, IReadOnlyList<string> PublishArguments);
