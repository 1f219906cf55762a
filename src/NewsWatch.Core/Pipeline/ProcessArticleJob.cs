using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Articles;
using NewsWatch.Assessment;
using NewsWatch.Extraction;
using NewsWatch.Fetching;
using NewsWatch.Stories;

namespace NewsWatch.Pipeline;

public enum ProcessStatus
{
    /// <summary>New or changed content was stored.</summary>
    Stored,

    /// <summary>The same content was already stored (a redelivery, or a copy under the same canonical address).</summary>
    Unchanged,

    /// <summary>The page cannot become an article; the reason is stored with the item.</summary>
    Failed,
}

public sealed record ProcessOutcome(string Key, ProcessStatus Status, string? Title, string? Error)
{
    public bool? IsRelevant { get; init; }

    /// <summary>"granted", "pending", "denied", or null when the article reports no approval.</summary>
    public string? Approval { get; init; }

    public string? StoryId { get; init; }
}

/// <summary>
/// The ProcessArticle function: fetch → extract → assess → group into a story → record approval alerts →
/// store → deliver due alerts. Final failures (404, not a web page, nothing
/// extractable) are stored as failed articles and acknowledged; transient ones throw so the queue retries.
/// </summary>
public sealed partial class ProcessArticleJob(
    ArticleFetcher fetcher,
    IArticleExtractor extractor,
    IArticleAssessor assessor,
    StoryEvidenceReader storyEvidence,
    IStoryIndex stories,
    IAlertRecorder alertRecorder,
    IAlertDelivery alertDelivery,
    IOptions<WatchSubjectOptions> subject,
    IArticleStore store,
    TimeProvider time,
    ILogger<ProcessArticleJob> logger)
{
    public async Task<ProcessOutcome> RunAsync(ArticleMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Article article;
        ArticleExtraction extraction;
        try
        {
            article = await fetcher.FetchAsync(message.Url, cancellationToken);
            extraction = extractor.Extract(article);
        }
        catch (Exception ex) when (FailureClassifier.PermanentReason(ex) is { } reason)
        {
            return await StoreFailureAsync(message, reason, cancellationToken);
        }

        if (!extraction.HasText)
        {
            return await StoreFailureAsync(message, "no article text found on the page", cancellationToken);
        }

        var key = ArticleKeys.For(extraction.CanonicalUrl ?? article.Url);
        var hash = ContentHash(extraction.Title, extraction.Text);
        var existing = await store.GetAsync(key, cancellationToken);
        if (existing is { Status: ArticleStatus.Stored } && existing.ContentHash == hash)
        {
            LogUnchanged(key, message.Url);
            return new ProcessOutcome(key, ProcessStatus.Unchanged, existing.Title, null);
        }

        var title = TextLimits.Clip(extraction.Title ?? message.Title, TextLimits.MaxTitleChars);
        var published = extraction.Published ?? message.Published;
        var assessment = assessor.Assess(new AssessmentInput(title, extraction.Text, article.Url, published, extraction.Language));
        var story = await stories.AssignAsync(
            new StoryArticle(
                key, article.Url, title, extraction.SiteName ?? article.Url.Host, extraction.Language, published ?? time.GetUtcNow(),
                storyEvidence.Read(title, extraction.Text, assessment)),
            cancellationToken);
        var record = new ArticleRecord
        {
            Key = key,
            Url = article.Url,
            CanonicalUrl = extraction.CanonicalUrl,
            FeedId = message.FeedId,
            ItemId = message.ItemId,
            Status = ArticleStatus.Stored,
            Title = title,
            Text = extraction.Text,
            Published = published,
            Updated = extraction.Updated,
            Authors = extraction.Authors,
            Language = extraction.Language,
            SiteName = extraction.SiteName,
            ImageUrl = extraction.ImageUrl,
            Description = extraction.Description,
            ContentHash = hash,
            ProcessedAt = time.GetUtcNow(),
            Assessment = assessment,
            StoryId = story.StoryId,
        };
        // Recorded before the article is stored, so a crash in between redelivers the message and the
        // (idempotent) outbox sees the event again instead of never.
        var notices = Notices(record, assessment);
        await alertRecorder.RecordAsync(notices, cancellationToken);
        await store.SaveAsync(record, existing, cancellationToken);
        if (notices.Count > 0)
        {
            // Only an article that reported an approval can have made an alert due; alerts left pending by an earlier
            // failure go with the next such article or the timer's sweep, not with a query on every article.
            await DeliverAlertsAsync(cancellationToken);
        }
        LogStored(key, message.Url, record.Title, extraction.Text.Length, assessment.Relevance.IsRelevant,
            assessment.ApprovalStatusForArticle?.ToString() ?? "none", story.StoryId);
        return new ProcessOutcome(key, ProcessStatus.Stored, record.Title, null)
        {
            IsRelevant = assessment.Relevance.IsRelevant,
            Approval = assessment.ApprovalStatusForArticle?.ToString().ToLowerInvariant(),
            StoryId = story.StoryId,
        };
    }

    private async Task<ProcessOutcome> StoreFailureAsync(ArticleMessage message, string reason, CancellationToken cancellationToken)
    {
        var key = ArticleKeys.For(message.Url);
        LogFailed(key, message.Url, reason);
        await store.SaveAsync(
            new ArticleRecord
            {
                Key = key, Url = message.Url, FeedId = message.FeedId, ItemId = message.ItemId,
                Status = ArticleStatus.Failed, Error = reason, Title = message.Title, Published = message.Published,
                ProcessedAt = time.GetUtcNow(),
            },
            cancellationToken);
        return new ProcessOutcome(key, ProcessStatus.Failed, message.Title, reason);
    }

    private List<ApprovalNotice> Notices(ArticleRecord article, ArticleAssessment assessment) =>
        [.. assessment.Events.Select(e => new ApprovalNotice(
            e.Key, subject.Value.Name is { Length: > 0 } name ? name : e.Subject, e.Regulator, e.Kind, e.Status.ToString().ToLowerInvariant(), e.Evidence, article.Key,
            article.Url, article.Title, article.SiteName ?? article.Url.Host, article.Published, article.ProcessedAt)
        {
            Headline = e.Headline is { Length: > 0 } headline ? headline : null,
            Model = e.Model,
            Batch = e.Batch,
            Confidence = e.Confidence,
            LegacyEventKey = e.LegacyKey,
        })];

    /// <summary>
    /// Delivery problems (mail server down) must not fail the article: the alert stays pending in the outbox
    /// and the next run or timer sweep delivers it.
    /// </summary>
    private async Task DeliverAlertsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await alertDelivery.DeliverPendingAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogDeliveryDeferred(ex);
        }
    }

    private static string ContentHash(string? title, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((title ?? "") + "\n" + text))[..16]);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Stored article {ArticleKey} from {Url}: \"{Title}\" ({TextLength} chars, relevant: {Relevant}, approval: {Approval}, story {StoryId})")]
    private partial void LogStored(string articleKey, Uri url, string? title, int textLength, bool relevant, string approval, string storyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert delivery deferred to the next sweep")]
    private partial void LogDeliveryDeferred(Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleKey} from {Url} unchanged; nothing stored")]
    private partial void LogUnchanged(string articleKey, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {ArticleKey} from {Url} failed for good: {Reason}")]
    private partial void LogFailed(string articleKey, Uri url, string reason);
}
