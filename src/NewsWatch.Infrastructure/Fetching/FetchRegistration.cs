using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NewsWatch.Fetching;
using Polly;

namespace NewsWatch.Infrastructure.Fetching;

/// <summary>
/// The HttpClient behind every feed and page download. Redirects are followed by <see cref="WebFetcher"/> itself (each
/// hop checked); the primary handler refuses inward addresses at connect time and caps connections per host; the
/// standard resilience pipeline (section <c>NewsWatch:Fetch:Resilience</c>) retries 408/429/5xx and timeouts with
/// jittered backoff honouring Retry-After, bounds each request, and keeps one circuit breaker per host.
/// </summary>
public static class FetchRegistration
{
    public const string ResilienceSection = FetchOptions.Section + ":Resilience";

    public static IServiceCollection AddNewsWatchFetching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(FetchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<WebFetcher>()
            .ConfigurePrimaryHttpMessageHandler(sp => CreatePrimaryHandler(sp.GetRequiredService<IOptions<FetchOptions>>().Value))
            .AddStandardResilienceHandler()
            .Configure(options =>
            {
                configuration.GetSection(ResilienceSection).Bind(options);
                options.Retry.ShouldHandle = args => ValueTask.FromResult(IsWorthRetrying(args.Outcome));
                options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(IsWorthRetrying(args.Outcome));
            })
            .SelectPipelineByAuthority();
        return services;
    }

    public static SocketsHttpHandler CreatePrimaryHandler(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = options.MaxConnectionsPerHost,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            ConnectCallback = new GuardedConnector(options.AllowPrivateNetworks).ConnectAsync,
        };
    }

    /// <summary>A refused address stays refused; retrying it would only delay the clear error.</summary>
    private static bool IsWorthRetrying(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is not HttpRequestException { InnerException: BlockedAddressException }
        && HttpClientResiliencePredicates.IsTransient(outcome);
}
