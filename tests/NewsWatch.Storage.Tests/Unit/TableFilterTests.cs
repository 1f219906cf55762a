using NewsWatch.Storage.Tables;

namespace NewsWatch.Storage.Tests.Unit;

public sealed class TableFilterTests
{
    [Fact]
    public void Strings_are_quoted_with_doubled_single_quotes()
    {
        var name = "o'brien";
        Assert.Equal("PartitionKey eq 'o''brien'", TableClient.CreateQueryFilter($"PartitionKey eq {name}"));
    }

    [Fact]
    public void An_injection_attempt_stays_inside_the_literal()
    {
        var evil = "x' or PartitionKey ne '";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {evil}");

        Assert.Equal("PartitionKey eq 'x'' or PartitionKey ne '''", filter);
    }

    [Fact]
    public void Typed_values_become_odata_literals()
    {
        var when = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567);
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        long big = 9007199254740993;
        var filter = TableClient.CreateQueryFilter(
            $"T ge {when} and G eq {id} and L eq {big} and I eq {42} and B eq {true} and D eq {1.5} and W eq {2.0} and X eq {new byte[] { 1, 0xAB }} and N eq {(string?)null}");

        Assert.Equal(
            "T ge datetime'2024-01-02T01:04:05.1234567Z' and G eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and L eq 9007199254740993L " +
            "and I eq 42 and B eq true and D eq 1.5 and W eq 2.0 and X eq X'01AB' and N eq null",
            filter);
    }

    [Fact]
    public void Unspecified_datetime_is_taken_as_utc()
    {
        var when = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Unspecified);
        Assert.Equal("T lt datetime'2024-05-06T07:08:09.0000000Z'", TableClient.CreateQueryFilter($"T lt {when}"));
    }

    [Fact]
    public void Unsupported_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"X eq {new object()}"));
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"X eq {double.NaN}"));
    }
}
