namespace NewsWatch.Testing.Repo;

/// <summary>Finds the repository and the shared/ folder beside it from wherever the tests were built.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared material (seeds, corpora) that sits beside the repository.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Seeds => Path.Combine(Shared, "seeds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsWatch.sln")))
            {
                return dir.FullName;
            }
        }

        // Builds with NW_ARTIFACTS live outside the tree; the working directory of `dotnet test` is then inside it.
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("cannot find the NewsWatch repository root (NewsWatch.sln) above the test binaries");
    }
}
