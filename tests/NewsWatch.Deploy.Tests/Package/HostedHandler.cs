using NewsWatch.LocalDev;

namespace NewsWatch.Deploy.Tests.Package;

/// <summary>
/// The packaged handler started the way the Functions host starts it (<see cref="CustomHandlerLauncher"/>, after
/// shared/reference/functions-custom-handler.md §1), at the host's own readiness interval. Killed on dispose.
/// </summary>
internal sealed class HostedHandler(CustomHandlerLauncher handler) : IAsyncDisposable
{
    public HttpClient Client => handler.Client;

    public string Output => handler.Output;

    public static async Task<HostedHandler> StartAsync(string appRoot, string executable, IReadOnlyDictionary<string, string> appSettings) =>
        new(await CustomHandlerLauncher.StartAsync(new CustomHandlerLaunchOptions { AppRoot = appRoot, Executable = executable, AppSettings = appSettings }));

    public ValueTask DisposeAsync() => handler.DisposeAsync();
}
