using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NewsWatch.Stories;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>
/// Stories in the <c>stories</c> table, one row per story in the partition of its window bucket (see
/// <see cref="StoryWindows"/>): an article reads its two bucket partitions in one range query — every story it may join,
/// nothing older — and writes one row. Joining replaces the story row guarded by the ETag read; starting a story inserts it in one
/// transaction with an ETag-guarded update of the bucket's head row, so two workers that both found no story for
/// rewrites of one event cannot both start one: the second transaction fails, and its retry reads the first
/// worker's story and joins it.
/// </summary>
public sealed partial class TableStoryIndex(TableClient table, StoryMatcher matcher, ILogger<TableStoryIndex> logger) : IStoryIndex, IStoryCatalog
{
    /// <summary>Conflicts retried before giving up; each retry means another worker changed the bucket meanwhile.</summary>
    private const int MaxAttempts = 10;

    public async Task<StoryAssignment> AssignAsync(StoryArticle article, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(article);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAssignAsync(article, ct);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                LogConflict(article.Key, attempt);
            }
        }
    }

    /// <summary>Deletes the stories of buckets no article published at or after <paramref name="now"/> − window can join.</summary>
    /// <returns>Rows deleted.</returns>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        var oldest = StoryRows.Partition(matcher.Windows.OldestLiveBucket(now));
        var deleted = 0;
        var batch = new List<TableTransactionAction>();
        string? partition = null;
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey lt {oldest}"), select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            // A transaction holds at most 100 rows of one partition.
            if (batch.Count == 100 || (partition is not null && partition != row.PartitionKey))
            {
                deleted += await DeleteAsync(batch, ct);
            }

            partition = row.PartitionKey;
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
        }

        return deleted + await DeleteAsync(batch, ct);
    }

    public async IAsyncEnumerable<StorySummary> ListAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        // A story's reports lie within a window of its anchor, so one whose last report is after `since` is anchored
        // no earlier than `since` − window: older partitions cannot hold one.
        var from = StoryRows.Partition(matcher.Windows.BucketOf(since - matcher.Windows.Window));
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {from} and RowKey ne {StoryRows.HeadRowKey}"), cancellationToken: ct))
        {
            var story = StoryRows.FromEntity(row);
            if (story.Summary.LastSeen >= since)
            {
                yield return story.Summary;
            }
        }
    }

    public async Task<StorySummary?> GetAsync(string storyId, CancellationToken ct)
    {
        if (!StoryIds.TryGetWindowStart(storyId, out var bucket))
        {
            return null;
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(StoryRows.Partition(bucket), storyId, cancellationToken: ct);
        return row.HasValue ? StoryRows.FromEntity(row.Value!).Summary : null;
    }

    private async Task<StoryAssignment> TryAssignAsync(StoryArticle article, CancellationToken ct)
    {
        var (older, newer) = matcher.Windows.BucketsFor(article.Published);
        var reads = await ReadBucketsAsync(older, newer, ct);
        var rows = reads.SelectMany(r => r.Stories).ToList();
        var decision = matcher.Decide(article, rows.Select(r => r.Story));
        if (decision.Story is { } found)
        {
            if (!decision.AlreadyMember)
            {
                var (_, etag, bucket) = rows.First(r => r.Story.Id == found.Id);
                await table.UpdateEntityAsync(StoryRows.ToEntity(found.Join(article, matcher.Options), bucket), etag, TableUpdateMode.Replace, ct);
            }

            return new StoryAssignment(found.Id, false, decision.Score);
        }

        var home = matcher.Windows.BucketOf(article.Published);
        var head = reads.First(r => r.Bucket == home).Head;
        var created = StoryState.Start(StoryIds.ForFirstArticle(article.Key, home), article);
        var headRow = new TableEntity(StoryRows.Partition(home), StoryRows.HeadRowKey) { ["Stories"] = (head?.GetInt32("Stories") ?? 0) + 1 };
        await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, StoryRows.ToEntity(created, home)),
                head is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, headRow)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, headRow, head.ETag),
            ],
            ct);
        return new StoryAssignment(created.Id, true, 0);
    }

    /// <summary>
    /// Both buckets in one query: the partitions are adjacent in key order, so this is a range over two partitions
    /// (the service may still split it into a page per partition).
    /// </summary>
    private async Task<BucketRead[]> ReadBucketsAsync(DateOnly older, DateOnly newer, CancellationToken ct)
    {
        var reads = new[] { new BucketRead(older, [], null), new BucketRead(newer, [], null) };
        var (from, to) = (StoryRows.Partition(older), StoryRows.Partition(newer));
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to}"), cancellationToken: ct))
        {
            var i = row.PartitionKey == from ? 0 : 1;
            if (row.RowKey == StoryRows.HeadRowKey)
            {
                reads[i] = reads[i] with { Head = row };
            }
            else
            {
                reads[i].Stories.Add((StoryRows.FromEntity(row), row.ETag, reads[i].Bucket));
            }
        }

        return reads;
    }

    private async Task<int> DeleteAsync(List<TableTransactionAction> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await table.SubmitTransactionAsync(batch, ct);
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    private sealed record BucketRead(DateOnly Bucket, List<(StoryState Story, ETag ETag, DateOnly Bucket)> Stories, TableEntity? Head);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Story rows for article {ArticleKey} changed meanwhile (attempt {Attempt}); reading them again")]
    private partial void LogConflict(string articleKey, int attempt);
}
