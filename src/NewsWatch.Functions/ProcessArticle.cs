using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NewsWatch.Pipeline;

namespace NewsWatch.Functions;

/// <summary>Queue trigger: turns one queued feed item into a stored, assessed article.</summary>
public sealed partial class ProcessArticle(ProcessArticleJob job, ILogger<ProcessArticle> logger)
{
    /// <summary>
    /// Permanent failures (404, not a web page, nothing extractable) come back as a stored failed article and the
    /// message is done. Transient ones throw: the host makes the message visible again and, after
    /// <c>maxDequeueCount</c> attempts (host.json), moves it to <c>&lt;queue&gt;-poison</c>. A message that is not an
    /// article message at all also throws, so it ends in the poison queue where the operator sees it.
    /// </summary>
    [Function(nameof(ProcessArticle))]
    public async Task RunAsync(
        [QueueTrigger("%NewsWatch:Storage:ArticlesQueue%", Connection = "AzureWebJobsStorage")] string message,
        long dequeueCount,
        string id,
        CancellationToken cancellationToken)
    {
        var article = ArticleMessage.Parse(message);
        var outcome = await job.RunAsync(article, cancellationToken);
        LogProcessed(id, dequeueCount, outcome.Key, article.Url, outcome.Status, outcome.Error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} (attempt {DequeueCount}): article {ArticleKey} from {Url}: {Status} {Error}")]
    private partial void LogProcessed(string messageId, long dequeueCount, string articleKey, Uri url, ProcessStatus status, string? error);
}
