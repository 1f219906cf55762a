using System.Text;
using System.Text.Json;
using Azure;
using NewsWatch.Storage.Tables;

namespace NewsWatch.Storage.Tests.Unit;

public sealed class TableEntityJsonTests
{
    [Fact]
    public void Types_json_cannot_carry_are_annotated()
    {
        var entity = new TableEntity("p", "r")
        {
            ["S"] = "text",
            ["I"] = 5,
            ["L"] = 9007199254740993L,
            ["D"] = 5.0,
            ["B"] = true,
            ["T"] = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ["G"] = Guid.Empty,
            ["X"] = new byte[] { 1, 2 },
            ["Null"] = null,
            ["Timestamp"] = DateTimeOffset.UnixEpoch,
        };

        var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(entity));

        Assert.Equal(
            "{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"S\":\"text\",\"I\":5,\"L@odata.type\":\"Edm.Int64\",\"L\":\"9007199254740993\"," +
            "\"D@odata.type\":\"Edm.Double\",\"D\":5,\"B\":true,\"T@odata.type\":\"Edm.DateTime\",\"T\":\"2024-01-02T03:04:05.0000000Z\"," +
            "\"G@odata.type\":\"Edm.Guid\",\"G\":\"00000000-0000-0000-0000-000000000000\",\"X@odata.type\":\"Edm.Binary\",\"X\":\"AQI=\"}",
            json);
    }

    [Fact]
    public void Minimal_metadata_annotations_restore_the_types()
    {
        const string json = """
            {"odata.metadata":"x","odata.etag":"W/\"datetime'2024'\"","PartitionKey":"p","RowKey":"r","Timestamp":"2024-01-02T03:04:05.1234567Z",
             "I":5,"L@odata.type":"Edm.Int64","L":"9007199254740993","D@odata.type":"Edm.Double","D":5,"Nan@odata.type":"Edm.Double","Nan":"NaN",
             "T@odata.type":"Edm.DateTime","T":"2024-01-02T03:04:05Z","G@odata.type":"Edm.Guid","G":"0f8fad5b-d9cb-469f-a165-70867728950e",
             "X@odata.type":"Edm.Binary","X":"AQI=","F":1.25,"Big":2147483648,"B":false}
            """;
        using var doc = JsonDocument.Parse(json);

        var e = TableEntityJson.Read(doc.RootElement);

        Assert.Equal(new ETag("W/\"datetime'2024'\""), e.ETag);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567), e.Timestamp);
        Assert.IsType<int>(e["I"]);
        Assert.Equal(9007199254740993L, e["L"]);
        Assert.Equal(5.0, Assert.IsType<double>(e["D"]));
        Assert.True(double.IsNaN(e.GetDouble("Nan")!.Value));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), e["T"]);
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), e.GetGuid("G"));
        Assert.Equal(new byte[] { 1, 2 }, e.GetBinary("X"));
        Assert.Equal(1.25, e["F"]);
        Assert.Equal(2147483648L, e["Big"]);
        Assert.False(e.GetBoolean("B"));
        Assert.DoesNotContain(e.Keys, k => k.Contains('@', StringComparison.Ordinal) || k.StartsWith("odata.", StringComparison.Ordinal));
    }

    [Fact]
    public void Typed_getters_return_null_when_absent_and_refuse_mismatches()
    {
        var e = new TableEntity("p", "r") { ["N"] = 3, ["S"] = "x" };

        Assert.Null(e.GetString("missing"));
        Assert.Null(e.GetInt32("missing"));
        Assert.Null(e["missing"]);
        Assert.Equal(3L, e.GetInt64("N"));
        Assert.Equal(3.0, e.GetDouble("N"));
        Assert.Throws<InvalidOperationException>(() => e.GetInt32("S"));
    }
}
