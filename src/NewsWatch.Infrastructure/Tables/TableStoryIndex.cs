using System.Buffers.Binary;
using Azure;
using Microsoft.Extensions.Options;
using NewsWatch.Stories;
using Azure.Data.Tables;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>
/// Story grouping kept in the <c>stories</c> table, following <see cref="InMemoryStoryIndex"/>'s
/// algorithm: one row per (LSH band key, article) so candidates are found with one partition read per
/// band; one row per article with its story and signature; one row per story with its last activity.
/// Two copies processed at the very same moment may each open a story; later copies join the first.
/// </summary>
public sealed class TableStoryIndex(TableClient table, IOptions<StoryOptions> options) : IStoryIndex
{
    private const string ArticlePartition = "article";
    private const string StoryPartition = "story";

    /// <summary>
    /// Band partitions read at once for one article. Each read in flight holds its own HTTP/1.1 connection, so this
    /// caps the connections one article opens; the default 42 bands take three rounds.
    /// </summary>
    private const int MaxConcurrentBandReads = 16;

    private static readonly string[] CandidateColumns = ["PartitionKey", "RowKey", "StoryId", "Minima"];

    private readonly StoryOptions _options = options.Value;

    public async Task<StoryAssignment> AssignAsync(string articleKey, StoryFingerprint fingerprint, DateTimeOffset seenAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var known = await table.GetEntityIfExistsAsync<TableEntity>(ArticlePartition, articleKey, cancellationToken: ct);
        if (known.HasValue)
        {
            return new StoryAssignment(known.Value!.GetString("StoryId")!, false, 1);
        }

        var (bestStory, similarity) = await BestStoryAsync(articleKey, fingerprint, seenAt, ct);
        var storyId = bestStory ?? StoryIds.ForFirstArticle(articleKey);
        var minima = Pack(fingerprint.Minima);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(ArticlePartition, articleKey) { ["StoryId"] = storyId, ["Minima"] = minima, ["SeenAt"] = seenAt }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another worker assigned this article meanwhile (a redelivered message): its answer stands.
            var existing = await table.GetEntityAsync<TableEntity>(ArticlePartition, articleKey, cancellationToken: ct);
            return new StoryAssignment(existing.Value.GetString("StoryId")!, false, 1);
        }

        await Task.WhenAll(fingerprint.BandKeys.Select(band => table.UpsertEntityAsync(
            new TableEntity(band, articleKey) { ["StoryId"] = storyId, ["Minima"] = minima }, TableUpdateMode.Replace, ct)));
        await table.UpsertEntityAsync(new TableEntity(StoryPartition, storyId) { ["LastSeen"] = seenAt }, TableUpdateMode.Merge, ct);
        return new StoryAssignment(storyId, bestStory is null, bestStory is null ? 0 : similarity);
    }

    private async Task<(string? StoryId, double Similarity)> BestStoryAsync(
        string articleKey, StoryFingerprint fingerprint, DateTimeOffset seenAt, CancellationToken ct)
    {
        // The band partitions are independent reads: issued together, an article waits for a few round trips to
        // Table Storage instead of one per band. They are merged in band order, so the first band naming an article
        // still supplies it and ties between equally similar stories resolve as they did with sequential reads.
        var bands = fingerprint.BandKeys;
        var rowsByBand = new List<TableEntity>[bands.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, bands.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentBandReads, CancellationToken = ct },
            async (i, token) => rowsByBand[i] = await ReadPartitionAsync(bands[i], token));

        var candidates = new Dictionary<string, (string StoryId, ulong[] Minima)>(StringComparer.Ordinal);
        foreach (var row in rowsByBand.SelectMany(rows => rows))
        {
            if (row.RowKey != articleKey)
            {
                candidates.TryAdd(row.RowKey, (row.GetString("StoryId")!, Unpack(row.GetBinary("Minima"))));
            }
        }

        string? best = null;
        var bestSimilarity = 0.0;
        var lastSeen = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var (storyId, minima) in candidates.Values)
        {
            var similarity = fingerprint.Similarity(new StoryFingerprint(minima, [], 0));
            if (similarity < _options.SimilarityThreshold || similarity <= bestSimilarity)
            {
                continue;
            }

            if (!lastSeen.TryGetValue(storyId, out var seen))
            {
                var story = await table.GetEntityIfExistsAsync<TableEntity>(StoryPartition, storyId, cancellationToken: ct);
                lastSeen[storyId] = seen = story.HasValue ? story.Value!.GetDateTimeOffset("LastSeen") : null;
            }

            if (seen is { } s && seenAt - s > _options.MaxStoryAge)
            {
                continue;
            }

            best = storyId;
            bestSimilarity = similarity;
        }

        return (best, bestSimilarity);
    }

    private async Task<List<TableEntity>> ReadPartitionAsync(string partitionKey, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), select: CandidateColumns, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static byte[] Pack(IReadOnlyList<ulong> minima)
    {
        var bytes = new byte[minima.Count * 8];
        for (var i = 0; i < minima.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), minima[i]);
        }

        return bytes;
    }

    private static ulong[] Unpack(byte[]? bytes)
    {
        if (bytes is null)
        {
            return [];
        }

        var minima = new ulong[bytes.Length / 8];
        for (var i = 0; i < minima.Length; i++)
        {
            minima[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * 8));
        }

        return minima;
    }
}
