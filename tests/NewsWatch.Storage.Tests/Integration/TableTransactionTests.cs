using Azure;
using NewsWatch.Storage.Tables;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("t"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Every_action_type_commits_together()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("b", "merge") { ["A"] = 1, ["B"] = 1 });
        await table.AddEntityAsync(new TableEntity("b", "replace") { ["A"] = 1, ["B"] = 1 });
        await table.AddEntityAsync(new TableEntity("b", "delete"));
        await table.AddEntityAsync(new TableEntity("b", "upsertmerge") { ["A"] = 1 });
        var replaceEtag = (await table.GetEntityAsync("b", "replace")).Value.ETag;

        var result = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("b", "add") { ["A"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("b", "merge") { ["B"] = 2 }),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("b", "replace") { ["B"] = 2 }, replaceEtag),
            new(TableTransactionActionType.Delete, new TableEntity("b", "delete")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("b", "upsertmerge") { ["B"] = 2 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("b", "upsertreplace") { ["B"] = 2 }),
        ]);

        Assert.Equal(202, result.GetRawResponse().Status);
        Assert.Equal(6, result.Value.Count);
        Assert.All(result.Value, r => Assert.Equal(204, r.Status));
        Assert.True(result.Value[0].Headers.ETag.HasValue);
        var all = (await TableClientTests.ToListAsync(table.QueryAsync())).ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "merge", "replace", "upsertmerge", "upsertreplace"], all.Keys.Order().ToArray());
        Assert.Equal((1, 2), (all["merge"].GetInt32("A"), all["merge"].GetInt32("B")));
        Assert.Null(all["replace"].GetInt32("A"));
        Assert.Equal((1, 2), (all["upsertmerge"].GetInt32("A"), all["upsertmerge"].GetInt32("B")));
    }

    [Fact]
    public async Task A_failing_operation_leaves_nothing_written()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("b", "taken") { ["V"] = "original" });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("b", "new1")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("b", "taken") { ["V"] = "changed" }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("b", "missing") { ["V"] = 1 }),
            new(TableTransactionActionType.Add, new TableEntity("b", "new2")),
        ]));

        Assert.Equal(404, ex.Status);
        Assert.Equal(2, ex.FailedTransactionActionIndex);
        Assert.Equal("missing", ex.FailedTransactionAction!.Entity.RowKey);
        Assert.Contains("Nothing in the transaction was written", ex.Message, StringComparison.Ordinal);
        var rows = await TableClientTests.ToListAsync(table.QueryAsync());
        Assert.Equal("taken", Assert.Single(rows).RowKey);
        Assert.Equal("original", rows[0].GetString("V"));
    }

    [Fact]
    public async Task A_conflicting_add_names_its_index()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("b", "3"));

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 5).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("b", i.ToString(System.Globalization.CultureInfo.InvariantCulture))))));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Equal(3, ex.FailedTransactionActionIndex);
        Assert.Single(await TableClientTests.ToListAsync(table.QueryAsync()));
    }

    [Fact]
    public async Task A_stale_etag_inside_a_batch_fails_the_batch()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("b", "x") { ["V"] = 1 });
        var etag = (await table.GetEntityAsync("b", "x")).Value.ETag;
        await table.UpsertEntityAsync(new TableEntity("b", "x") { ["V"] = 2 });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("b", "y")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("b", "x") { ["V"] = 3 }, etag),
        ]));

        Assert.Equal(412, ex.Status);
        Assert.Equal(1, ex.FailedTransactionActionIndex);
        Assert.False((await table.GetEntityIfExistsAsync("b", "y")).HasValue);
    }

    [Fact]
    public async Task Limits_are_checked_before_sending()
    {
        var table = await NewTableAsync();
        TableTransactionAction Add(string pk, string rk) => new(TableTransactionActionType.Add, new TableEntity(pk, rk));

        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() =>
            table.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => Add("b", "r" + i))));
        var mixed = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([Add("a", "1"), Add("b", "2")]));
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([Add("a", "1"), Add("a", "1")]));
        var badKey = await Assert.ThrowsAnyAsync<ArgumentException>(() => table.SubmitTransactionAsync([Add("a", "1"), Add("a", "x/y")]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));
        var big = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(
            TableTransactionActionType.Add, new TableEntity("b", "r" + i) { ["S1"] = new string('x', 30_000), ["S2"] = new string('y', 30_000) }));
        var tooBig = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(big));

        Assert.Contains("101", tooMany.Message, StringComparison.Ordinal);
        Assert.Contains("PartitionKey", mixed.Message, StringComparison.Ordinal);
        Assert.Contains("once", twice.Message, StringComparison.Ordinal);
        Assert.Contains("action 1", badKey.Message, StringComparison.Ordinal);
        Assert.Contains("4 MiB", tooBig.Message, StringComparison.Ordinal);
        Assert.Empty(await TableClientTests.ToListAsync(table.QueryAsync()));
    }

    [Fact]
    public async Task One_hundred_actions_are_accepted()
    {
        var table = await NewTableAsync();

        var result = await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i =>
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("b", "r" + i) { ["I"] = i })));

        Assert.Equal(100, result.Value.Count);
        Assert.Equal(100, (await TableClientTests.ToListAsync(table.QueryAsync())).Count);
        Assert.IsAssignableFrom<RequestFailedException>(new TableTransactionFailedException("x"));
    }
}
