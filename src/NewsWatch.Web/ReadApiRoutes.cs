using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Web.Api;
using NewsWatch.Web.Dashboard;

namespace NewsWatch.Web;

/// <summary>The read API and the dashboard: registrations for both hosts, and the routes of a plain ASP.NET Core host.</summary>
public static class ReadApiRoutes
{
    public static IServiceCollection AddNewsWatchReadApi(this IServiceCollection services)
    {
        services.AddSingleton<ArticlesEndpoint>();
        services.AddSingleton<ArticleEndpoint>();
        services.AddSingleton<ApprovalsEndpoint>();
        services.AddSingleton<StoriesEndpoint>();
        services.AddSingleton<StoryEndpoint>();
        services.AddSingleton<FeedsEndpoint>();
        services.AddSingleton<StatusEndpoint>();
        services.AddSingleton<DashboardEndpoint>();
        return services;
    }

    /// <summary>The same paths as the Functions app's routes (prefix <c>api/</c>), plus the dashboard at <c>/</c>.</summary>
    public static IEndpointRouteBuilder MapNewsWatchReadApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/articles", (HttpRequest r, ArticlesEndpoint e, CancellationToken ct) => e.HandleAsync(r, ct));
        routes.MapGet("/api/articles/{key}", (string key, ArticleEndpoint e, CancellationToken ct) => e.HandleAsync(key, ct));
        routes.MapGet("/api/approvals", (HttpRequest r, ApprovalsEndpoint e, CancellationToken ct) => e.HandleAsync(r, ct));
        routes.MapGet("/api/stories", (HttpRequest r, StoriesEndpoint e, CancellationToken ct) => e.HandleAsync(r, ct));
        routes.MapGet("/api/stories/{id}", (string id, StoryEndpoint e, CancellationToken ct) => e.HandleAsync(id, ct));
        routes.MapGet("/api/feeds", (FeedsEndpoint e, CancellationToken ct) => e.HandleAsync(ct));
        routes.MapGet("/api/status", (StatusEndpoint e, CancellationToken ct) => e.HandleAsync(ct));
        routes.MapGet("/", (DashboardEndpoint e) => e.Handle(null));
        routes.MapGet("/{file}", (string file, DashboardEndpoint e) => e.Handle(file));
        return routes;
    }
}
