using System.Runtime.CompilerServices;

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
        // Builds with NW_ARTIFACTS put the binaries outside the tree, so the compile-time source path is tried too.
        string[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, SourceDirectory()];
        foreach (var start in starts.Where(Directory.Exists))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NewsWatch.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"cannot find the NewsWatch repository root (NewsWatch.sln) above {string.Join(", ", starts)}");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "";
}
