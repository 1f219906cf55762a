using Azure;
using NewsWatch.Storage.Tables;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("t"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Create_and_delete_table()
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("t"));

        Assert.Equal(table.Name, (await table.CreateAsync()).Value.Name);
        Assert.Equal(409, (await table.CreateIfNotExistsAsync()).GetRawResponse().Status);
        var twice = await Assert.ThrowsAsync<RequestFailedException>(() => table.CreateAsync());
        Assert.Equal("TableAlreadyExists", twice.ErrorCode);
        Assert.Equal(204, (await table.DeleteAsync()).Status);
        Assert.Equal(404, (await table.DeleteAsync()).Status);
    }

    [Fact]
    public async Task Add_get_and_409_on_duplicate()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "r") { ["Name"] = "alpha" };

        await table.AddEntityAsync(entity);
        var fetched = (await table.GetEntityAsync("p", "r")).Value;
        var duplicate = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal("alpha", fetched.GetString("Name"));
        Assert.NotEqual(default, fetched.ETag);
        Assert.Equal(fetched.ETag, entity.ETag);
        Assert.NotNull(fetched.Timestamp);
        Assert.Equal(409, duplicate.Status);
        Assert.Equal("EntityAlreadyExists", duplicate.ErrorCode);
    }

    [Fact]
    public async Task Every_supported_type_round_trips()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567);
        var id = Guid.NewGuid();
        await table.AddEntityAsync(new TableEntity("types", "1")
        {
            ["S"] = "o'brien \"é\" <tag>",
            ["I"] = int.MinValue,
            ["L"] = 9007199254740993L,
            ["D"] = 5.0,
            ["Frac"] = -1.25e-7,
            ["T"] = true,
            ["F"] = false,
            ["When"] = when,
            ["Utc"] = new DateTime(2020, 2, 29, 12, 0, 0, DateTimeKind.Utc),
            ["G"] = id,
            ["Bin"] = new byte[] { 0, 1, 2, 254, 255 },
            ["Data"] = new BinaryData(new byte[] { 9, 8 }),
            ["Empty"] = string.Empty,
        });

        var e = (await table.GetEntityAsync("types", "1")).Value;

        Assert.Equal("o'brien \"é\" <tag>", e["S"]);
        Assert.Equal(int.MinValue, Assert.IsType<int>(e["I"]));
        Assert.Equal(9007199254740993L, Assert.IsType<long>(e["L"]));
        Assert.Equal(5.0, Assert.IsType<double>(e["D"]));
        Assert.Equal(-1.25e-7, e.GetDouble("Frac"));
        Assert.True(e.GetBoolean("T"));
        Assert.False(e.GetBoolean("F"));
        Assert.Equal(when, Assert.IsType<DateTimeOffset>(e["When"]));
        Assert.Equal(new DateTime(2020, 2, 29, 12, 0, 0, DateTimeKind.Utc), e.GetDateTime("Utc"));
        Assert.Equal(id, Assert.IsType<Guid>(e["G"]));
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, e.GetBinary("Bin"));
        Assert.Equal(new byte[] { 9, 8 }, e.GetBinaryData("Data")!.ToArray());
        Assert.Equal(string.Empty, e.GetString("Empty"));
    }

    [Fact]
    public async Task Upsert_replace_drops_missing_properties_and_merge_keeps_them()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = 20, ["C"] = 30 }, TableUpdateMode.Merge);
        var merged = (await table.GetEntityAsync("p", "r")).Value;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = 300 }, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityAsync("p", "r")).Value;

        Assert.Equal((1, 20, 30), (merged.GetInt32("A"), merged.GetInt32("B"), merged.GetInt32("C")));
        Assert.Null(replaced.GetInt32("A"));
        Assert.Null(replaced.GetInt32("B"));
        Assert.Equal(300, replaced.GetInt32("C"));
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_refused_with_412()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var first = (await table.GetEntityAsync("p", "r")).Value;
        var original = first.ETag;

        first["V"] = 2;
        await table.UpdateEntityAsync(first, original, TableUpdateMode.Replace);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, original));
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "nope"), ETag.All));

        Assert.NotEqual(original, first.ETag);
        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r")).Value.GetInt32("V"));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task Two_writers_racing_on_one_etag_exactly_one_wins()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("race", "1") { ["Owner"] = "nobody" });
        var etag = (await table.GetEntityAsync("race", "1")).Value.ETag;

        for (var round = 0; round < 10; round++)
        {
            var writers = Enumerable.Range(0, 2).Select(async w =>
            {
                try
                {
                    await table.UpdateEntityAsync(new TableEntity("race", "1") { ["Owner"] = $"w{w}-{round}" }, etag, TableUpdateMode.Merge);
                    return (Writer: w, Won: true);
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    return (Writer: w, Won: false);
                }
            }).ToArray();
            var results = await Task.WhenAll(writers);

            var winner = Assert.Single(results, r => r.Won);
            var stored = (await table.GetEntityAsync("race", "1")).Value;
            Assert.Equal($"w{winner.Writer}-{round}", stored.GetString("Owner"));
            etag = stored.ETag;
        }
    }

    [Fact]
    public async Task Delete_honours_the_etag_and_ignores_missing_entities()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        var etag = (await table.GetEntityAsync("p", "r")).Value.ETag;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["X"] = 1 });

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", etag));
        await table.DeleteEntityAsync("p", "r");

        Assert.Equal(412, stale.Status);
        Assert.False((await table.GetEntityIfExistsAsync("p", "r")).HasValue);
        Assert.Equal(404, (await table.DeleteEntityAsync("p", "r")).Status);
    }

    [Fact]
    public async Task Get_missing_throws_404_and_if_exists_has_no_value()
    {
        var table = await NewTableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "missing"));
        var maybe = await table.GetEntityIfExistsAsync("p", "missing");

        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
        Assert.False(maybe.HasValue);
        Assert.Equal(404, maybe.GetRawResponse().Status);
    }

    [Fact]
    public async Task Awkward_keys_address_the_right_entity()
    {
        var table = await NewTableAsync();
        string[] keys = ["o'brien", "a b", "100%", "é+&=;,", "''", string.Empty, "x(y)", "tab\u00a0nbsp", new string('k', 512)];

        foreach (var key in keys)
        {
            await table.UpsertEntityAsync(new TableEntity(key, key) { ["K"] = key });
        }

        foreach (var key in keys)
        {
            Assert.Equal(key, (await table.GetEntityAsync(key, key)).Value.GetString("K"));
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey eq {key}");
            Assert.Equal(key, Assert.Single(await ToListAsync(table.QueryAsync(filter))).RowKey);
            await table.DeleteEntityAsync(key, key);
        }
    }

    [Fact]
    public async Task Key_and_size_rules_fail_before_sending()
    {
        var table = await NewTableAsync();

        var slash = await Assert.ThrowsAnyAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("a/b", "r")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => table.UpsertEntityAsync(new TableEntity("p", new string('k', 513))));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => table.GetEntityAsync("p", "r#1"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => table.DeleteEntityAsync("p\u0001", "r"));
        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["Big"] = new string('x', 33_000) }));
        Assert.Throws<ArgumentException>(() => new TableClient(azurite.ConnectionString, "bad-name"));

        Assert.Contains("'/'", slash.Message, StringComparison.Ordinal);
        Assert.Empty(await ToListAsync(table.QueryAsync()));
    }

    [Fact]
    public async Task Poco_entities_map_by_property_name()
    {
        var table = await NewTableAsync();
        var job = new Job { PartitionKey = "jobs", RowKey = "1", Title = "t", Attempts = 3, Due = DateTimeOffset.UnixEpoch, Kind = JobKind.Urgent };

        await table.AddEntityAsync(job);
        var back = (await table.GetEntityAsync<Job>("jobs", "1")).Value;
        back.Attempts++;
        await table.UpdateEntityAsync(back, back.ETag);

        Assert.Equal(("t", 3, DateTimeOffset.UnixEpoch, JobKind.Urgent), (back.Title, back.Attempts - 1, back.Due, back.Kind));
        Assert.Equal(4, (await table.GetEntityAsync("jobs", "1")).Value.GetInt32(nameof(Job.Attempts)));
        Assert.Single(await ToListAsync(table.QueryAsync<Job>(TableClient.CreateQueryFilter($"Attempts ge {4}"))));
    }

    internal static async Task<List<T>> ToListAsync<T>(AsyncPageable<T> pageable)
        where T : notnull
    {
        var list = new List<T>();
        await foreach (var item in pageable)
        {
            list.Add(item);
        }

        return list;
    }

    public enum JobKind
    {
        Normal,
        Urgent,
    }

    public sealed class Job : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string? Title { get; set; }

        public int Attempts { get; set; }

        public DateTimeOffset Due { get; set; }

        public JobKind Kind { get; set; }
    }
}
