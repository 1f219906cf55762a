using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsWatch.Articles;
using NewsWatch.Feeds;
using NewsWatch.Functions;
using NewsWatch.Pipeline;
using NewsWatch.Stories;
using NewsWatch.Testing.Http;
using NewsWatch.Testing.InMemory;

namespace NewsWatch.Functions.Tests;

/// <summary>
/// The real handler app on a free loopback port, as the Functions host would start it, with Storage
/// swapped for in-memory stores (the Azurite path is covered by the integration tests).
/// </summary>
public sealed class HandlerFixture : IAsyncLifetime
{
    private WebApplication _app = null!;

    public LoopbackHttpServer Site { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public InMemoryArticleStore Articles { get; } = new();

    public InMemoryArticleQueue Queue { get; } = new();

    public async Task InitializeAsync()
    {
        Site = await LoopbackHttpServer.StartAsync();
        _app = HandlerApp.Build(
            [
                "--FUNCTIONS_CUSTOMHANDLER_PORT=0",
                "--AzureWebJobsStorage=UseDevelopmentStorage=true",
                "--NewsWatch:Feeds:0:Id=contract-feed",
                $"--NewsWatch:Feeds:0:Url={Site.Url("/feed.xml")}",
                "--Logging:LogLevel:Default=Warning",
            ],
            services =>
            {
                services.RemoveAll<IArticleStore>();
                services.RemoveAll<IArticleQueue>();
                services.RemoveAll<IFeedStateStore>();
                services.RemoveAll<IFeedItemLedger>();
                services.RemoveAll<IStoryIndex>();
                services.RemoveAll<NewsWatch.Alerts.IAlertService>();
                services.AddSingleton(new Moq.Mock<NewsWatch.Alerts.IAlertService>().Object);
                services.AddSingleton<IStoryIndex, InMemoryStoryIndex>();
                services.AddSingleton<IArticleStore>(Articles);
                services.AddSingleton<IArticleQueue>(Queue);
                services.AddSingleton<IFeedStateStore>(new InMemoryFeedStateStore());
                services.AddSingleton<IFeedItemLedger>(new InMemoryFeedItemLedger());
            });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Site.DisposeAsync();
    }
}
