using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Web.Api;

namespace NewsWatch.Functions;

/// <summary>HTTP trigger <c>GET /api/approvals</c> (function key): the approval events with sources and alert delivery.</summary>
public sealed class Approvals(ApprovalsEndpoint endpoint)
{
    [Function(nameof(Approvals))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "approvals")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultAction(await endpoint.HandleAsync(request, cancellationToken));
}
