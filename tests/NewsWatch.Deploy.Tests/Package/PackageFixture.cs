using System.Diagnostics;
using System.IO.Compression;

namespace NewsWatch.Deploy.Tests.Package;

/// <summary>
/// The release package, built once per test run with scripts/publish.sh (the shipped flavor: trimmed ReadyToRun composite, so the test
/// checks what is deployed) and unzipped into a temp folder the way the Functions host lays out wwwroot.
/// Set NEWSWATCH_PACKAGE_ZIP to an existing newswatch-functions.zip to test that package instead of building one
/// (CI can publish once and hand the zip over; a developer can check a package before deploying it).
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string PackageVariable = "NEWSWATCH_PACKAGE_ZIP";

    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(25);

    private string _scratch = string.Empty;

    public string ZipPath { get; private set; } = string.Empty;

    /// <summary>The unzipped package: what the host calls the function app root.</summary>
    public string AppRoot { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _scratch = Directory.CreateTempSubdirectory("newswatch-package-").FullName;
        ZipPath = Environment.GetEnvironmentVariable(PackageVariable) is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : await PublishAsync(_scratch);

        AppRoot = Path.Combine(_scratch, "wwwroot");
        // .NET restores the Unix mode stored in the zip on extraction, as the host's package mount does.
        ZipFile.ExtractToDirectory(ZipPath, AppRoot);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A handler still shutting down may hold a file for a moment; the temp folder is disposable.
        }

        return Task.CompletedTask;
    }

    private static async Task<string> PublishAsync(string scratch)
    {
        var output = Path.Combine(scratch, "publish");
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoRoot.Path,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine("scripts", "publish.sh"), "--output", output })
        {
            info.ArgumentList.Add(arg);
        }

        // Its own build folder: the nested publish must not touch the obj/bin of the build these tests run from.
        info.Environment["NW_ARTIFACTS"] = Path.Combine(scratch, "artifacts");

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishLimit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/publish.sh did not finish within {PublishLimit.TotalMinutes:0} minutes");
        }

        var log = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/publish.sh failed ({process.ExitCode}):\n{log}");
        }

        var zip = Path.Combine(output, "newswatch-functions.zip");
        Assert.True(File.Exists(zip), $"publish.sh reported success but wrote no {zip}:\n{log}");
        return zip;
    }
}
