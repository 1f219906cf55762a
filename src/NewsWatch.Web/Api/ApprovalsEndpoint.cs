using Microsoft.AspNetCore.Http;
using NewsWatch.Reading;

namespace NewsWatch.Web.Api;

/// <summary><c>GET /api/approvals?status=</c>: the approval events, newest first, with sources and alert delivery.</summary>
public sealed class ApprovalsEndpoint(ApprovalTimeline timeline)
{
    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var status = QueryValues.OneOf(request, "status", "granted", "pending", "denied");
            var items = await timeline.ListAsync(status, cancellationToken);
            return ApiResults.Json(new ItemsResponse<ApprovalEntry>(items), ApiJson.Default.ItemsResponseApprovalEntry);
        });
}
