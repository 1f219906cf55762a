using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Web.Dashboard;

namespace NewsWatch.Functions;

/// <summary>
/// HTTP trigger <c>GET /api/dashboard/</c> (function key): the analyst's page and its script and style. Opened as
/// <c>/api/dashboard/?code=KEY</c>, the page sends that key with its API calls (docs/deploy.md).
/// </summary>
public sealed class Dashboard(DashboardEndpoint endpoint)
{
    [Function(nameof(Dashboard))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard/{file?}")] HttpRequest request, string? file)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultAction(endpoint.Handle(file));
    }
}
