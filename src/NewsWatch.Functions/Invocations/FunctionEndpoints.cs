using NewsWatch.Pipeline;

namespace NewsWatch.Functions.Invocations;

/// <summary>
/// Maps each function folder to its endpoint. Endpoints only translate the host's payload into a call
/// on the core and its result into the host's answer; the work happens in NewsWatch.Core.
/// </summary>
internal static partial class FunctionEndpoints
{
    public static void MapFunctionEndpoints(this WebApplication app)
    {
        // The host pings "/" until anything answers; that is how it knows the handler is up.
        app.MapGet("/", () => Results.Ok());
        app.MapPost("/PollFeeds", PollFeedsAsync);
        app.MapPost("/ProcessArticle", ProcessArticleAsync);
        app.MapPost("/Status", StatusAsync);
    }

    private static async Task<IResult> PollFeedsAsync(HttpRequest request, PollFeedsJob job, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        return await InvokeAsync(request, loggers, "PollFeeds", async invocation =>
        {
            var summary = await job.RunAsync(cancellationToken);
            var lines = summary.Feeds
                .Select(f => f.Error is null
                    ? $"feed {f.FeedId}: {f.Outcome}, {f.ItemsFound} items, {f.ItemsQueued} queued"
                    : $"feed {f.FeedId}: FAILED {f.Error}")
                .Append($"poll done: {summary.ItemsQueued} queued, {summary.FailedFeeds} feeds failed");
            return InvocationResponse.WithLogs([.. lines]);
        }, cancellationToken);
    }

    private static async Task<IResult> ProcessArticleAsync(HttpRequest request, ProcessArticleJob job, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        return await InvokeAsync(request, loggers, "ProcessArticle", async invocation =>
        {
            ArticleMessage message;
            try
            {
                message = ArticleMessage.Parse(invocation.RequireString("message"));
            }
            catch (InvalidMessageException ex)
            {
                // A non-2xx answer makes the host retry and, after maxDequeueCount tries, move the message to
                // articles-poison, where the operator finds it; nothing is silently dropped.
                throw new BadInvocationException($"message {invocation.MetadataString("Id")}: {ex.Message}");
            }

            var outcome = await job.RunAsync(message, cancellationToken);
            return InvocationResponse.WithLogs(
                $"article {outcome.Key} from {message.Url}: {outcome.Status}{(outcome.Error is null ? "" : " - " + outcome.Error)} (dequeue count {invocation.MetadataString("DequeueCount")})");
        }, cancellationToken);
    }

    private static async Task<IResult> StatusAsync(HttpRequest request, StatusReporter reporter, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        return await InvokeAsync(request, loggers, "Status", async _ =>
        {
            var report = await reporter.BuildAsync(cancellationToken);
            var body = System.Text.Json.JsonSerializer.Serialize(report, FunctionsJson.Default.StatusReport);
            var output = new HttpOutput(200, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, body);
            return new InvocationResponse(new Dictionary<string, HttpOutput> { ["res"] = output }, [], null);
        }, cancellationToken);
    }

    /// <summary>
    /// Shared envelope: parse, run, answer 200 with the host's JSON shape; 400 for payloads we cannot read;
    /// 500 for failures so the host applies its retry rules (queue) or reports the run failed (timer).
    /// </summary>
    private static async Task<IResult> InvokeAsync(
        HttpRequest request, ILoggerFactory loggers, string function, Func<InvocationRequest, Task<InvocationResponse>> run, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("NewsWatch.Functions." + function);
        var invocationId = request.Headers["X-Azure-Functions-InvocationId"].ToString();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["InvocationId"] = invocationId, ["Function"] = function });
        try
        {
            var invocation = await InvocationRequest.ReadAsync(request, cancellationToken);
            var response = await run(invocation);
            return Results.Json(response, FunctionsJson.Default.InvocationResponse);
        }
        catch (BadInvocationException ex)
        {
            LogBadInvocation(logger, function, ex.Message);
            return Results.Json(InvocationResponse.WithLogs(ex.Message), FunctionsJson.Default.InvocationResponse, statusCode: 400);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogInvocationFailed(logger, ex, function);
            return Results.Json(InvocationResponse.WithLogs($"{function} failed: {ex.Message}"), FunctionsJson.Default.InvocationResponse, statusCode: 500);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: unusable invocation: {Reason}")]
    private static partial void LogBadInvocation(ILogger logger, string function, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed")]
    private static partial void LogInvocationFailed(ILogger logger, Exception ex, string function);
}
