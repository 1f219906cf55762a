using System.Runtime.CompilerServices;

namespace NewsWatch.Deploy.Tests;

/// <summary>
/// The repository these tests check. Found above the test binaries (a normal build), else above this source file:
/// builds with NW_ARTIFACTS put the binaries outside the tree, and the test host's working directory is the output.
/// </summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, SourceDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "NewsWatch.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("cannot find the NewsWatch repository (NewsWatch.sln) above the test binaries or sources");
    }

    private static string SourceDirectory([CallerFilePath] string file = "") => System.IO.Path.GetDirectoryName(file) ?? ".";
}
