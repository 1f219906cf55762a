using NewsWatch.Storage.Tables;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    private async Task<TableClient> SeededTableAsync(int count, string partition = "p")
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("t"));
        await table.CreateIfNotExistsAsync();

        // Batches of 100 make seeding fast; also exercises transactions at their size limit.
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity(partition, i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)) { ["N"] = i, ["Odd"] = i % 2 == 1, ["Label"] = "n" + i })));
        }

        return table;
    }

    [Fact]
    public async Task A_query_over_2500_entities_pages_through_continuation_and_returns_all()
    {
        var table = await SeededTableAsync(2500);

        var pages = new List<int>();
        var seen = new HashSet<int>();
        await foreach (var page in table.QueryAsync().AsPages())
        {
            pages.Add(page.Values.Count);
            foreach (var e in page.Values)
            {
                Assert.True(seen.Add(e.GetInt32("N")!.Value));
            }
        }

        Assert.Equal(2500, seen.Count);
        Assert.Equal([1000, 1000, 500], pages);
        Assert.Equal(2500, (await TableClientTests.ToListAsync(table.QueryAsync())).Count);
    }

    [Fact]
    public async Task Max_per_page_sets_top_and_continuation_can_resume_later()
    {
        var table = await SeededTableAsync(250);

        var first = await FirstPageAsync(table.QueryAsync(maxPerPage: 100));
        var rest = new List<TableEntity>();
        await foreach (var page in table.QueryAsync(maxPerPage: 100).AsPages(first.ContinuationToken))
        {
            rest.AddRange(page.Values);
        }

        Assert.Equal(100, first.Values.Count);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(150, rest.Count);
        Assert.Empty(first.Values.Select(e => e.RowKey).Intersect(rest.Select(e => e.RowKey)));
    }

    [Fact]
    public async Task Filter_and_select_narrow_the_results()
    {
        var table = await SeededTableAsync(50);
        var filter = TableClient.CreateQueryFilter($"Odd eq {true} and N lt {20}");

        var odd = await TableClientTests.ToListAsync(table.QueryAsync(filter, select: ["N"]));

        Assert.Equal(10, odd.Count);
        Assert.All(odd, e =>
        {
            Assert.True(e.GetInt32("N") % 2 == 1);
            Assert.Null(e.GetString("Label"));
        });
    }

    [Fact]
    public async Task A_filter_value_cannot_widen_the_query()
    {
        var table = await SeededTableAsync(20);
        var evil = "x' or PartitionKey ne 'x";

        var hits = await TableClientTests.ToListAsync(table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {evil}")));

        Assert.Empty(hits);
    }

    [Fact]
    public async Task Typed_filters_match_typed_values()
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("t"));
        await table.CreateIfNotExistsAsync();
        var day = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                ["When"] = day.AddDays(i),
                ["Big"] = 10_000_000_000L + i,
                ["Id"] = i == 3 ? id : Guid.Empty,
                ["Ratio"] = i / 2.0,
                ["Bytes"] = new byte[] { (byte)i },
            });
        }

        async Task<int> CountAsync(FormattableString f) => (await TableClientTests.ToListAsync(table.QueryAsync(TableClient.CreateQueryFilter(f)))).Count;

        Assert.Equal(2, await CountAsync($"When ge {day.AddDays(3)}"));
        Assert.Equal(3, await CountAsync($"Big lt {10_000_000_003L}"));
        Assert.Equal(1, await CountAsync($"Id eq {id}"));
        Assert.Equal(2, await CountAsync($"Ratio gt {1.0}"));
        Assert.Equal(1, await CountAsync($"Bytes eq {new byte[] { 4 }}"));
    }

    [Fact]
    public async Task Enumeration_honours_cancellation()
    {
        var table = await SeededTableAsync(1200);
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in table.QueryAsync(maxPerPage: 100, cancellationToken: cts.Token).AsPages())
            {
                await cts.CancelAsync();
            }
        });
    }

    private static async Task<Azure.Page<TableEntity>> FirstPageAsync(Azure.AsyncPageable<TableEntity> pageable)
    {
        await foreach (var page in pageable.AsPages())
        {
            return page;
        }

        throw new InvalidOperationException("no page");
    }
}
