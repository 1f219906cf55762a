using System.Diagnostics;
using NewsWatch.Testing.Repo;

namespace NewsWatch.WorkerHarness.Tests;

/// <summary>
/// The Functions app as `dotnet publish -c Release` lays it out (the package the host runs). Published once per test
/// run into a temp folder; set NEWSWATCH_WORKER_PUBLISH_DIR to an existing publish folder to test that one instead
/// (CI publishes once, a developer checks a build before deploying it).
/// </summary>
internal static class PublishedApp
{
    public const string PublishVariable = "NEWSWATCH_WORKER_PUBLISH_DIR";

    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(10);

    public static async Task<(string Directory, bool Owned)> PublishAsync()
    {
        if (Environment.GetEnvironmentVariable(PublishVariable) is { Length: > 0 } given)
        {
            return (Path.GetFullPath(given), false);
        }

        var output = Directory.CreateTempSubdirectory("newswatch-worker-").FullName;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // No build servers: a test run must not leave MSBuild nodes behind on a shared machine.
        foreach (var a in new[] { "publish", Path.Combine("src", "NewsWatch.Functions", "NewsWatch.Functions.csproj"), "-c", "Release", "-o", output, "-nologo", "-clp:ErrorsOnly", "--disable-build-servers" })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(PublishLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish took longer than {PublishLimit}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return (output, true);
    }
}
