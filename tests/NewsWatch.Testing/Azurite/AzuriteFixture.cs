using System.Runtime.CompilerServices;
using NewsWatch.LocalDev;
using Xunit;

namespace NewsWatch.Testing.Azurite;

/// <summary>
/// An Azurite for a test class or collection: started on free loopback ports, stopped (never left running) on
/// dispose. When <c>NEWSWATCH_TEST_STORAGE</c> holds a connection string, that account is used instead and no
/// emulator is started (then <see cref="CanRestart"/> is false).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ExternalStorageVariable = "NEWSWATCH_TEST_STORAGE";

    private AzuriteLauncher? _launcher;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>False when tests run against an external account that this fixture cannot stop.</summary>
    public bool CanRestart => _launcher is not null;

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalStorageVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            ConnectionString = external;
            return;
        }

        _launcher = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions { RepositoryRoot = AzuriteLauncher.FindRepositoryRoot(SourceDirectory()) });
        ConnectionString = _launcher.ConnectionString;
    }

    /// <summary>Stops the emulator, keeping its ports for <see cref="Start"/> (outage tests).</summary>
    public void Stop() => StopAsync().GetAwaiter().GetResult();

    public void Start() => StartAsync().GetAwaiter().GetResult();

    public Task StopAsync() => RequireLauncher().StopAsync();

    public Task StartAsync() => RequireLauncher().ResumeAsync();

    /// <summary>
    /// A fresh name, valid both as a queue name and as a table name (lowercase letters and digits, starting with a
    /// letter), so tests sharing one account never collide.
    /// </summary>
    public static string UniqueName(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (!char.IsAsciiLetterLower(prefix[0]) || !prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException("Use a lowercase letters/digits prefix starting with a letter.", nameof(prefix));
        }

        var name = prefix + Guid.NewGuid().ToString("N");
        return name.Length <= 40 ? name : name[..40];
    }

    public async Task DisposeAsync()
    {
        if (_launcher is not null)
        {
            await _launcher.DisposeAsync();
            _launcher = null;
        }
    }

    /// <summary>
    /// Where this file was compiled from: inside the repository even when the binaries (NW_ARTIFACTS) and the test
    /// host's working directory are not.
    /// </summary>
    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? string.Empty;

    private AzuriteLauncher RequireLauncher() =>
        _launcher ?? throw new InvalidOperationException(
            $"Tests are using the external account from {ExternalStorageVariable}; it cannot be stopped or started.");
}
