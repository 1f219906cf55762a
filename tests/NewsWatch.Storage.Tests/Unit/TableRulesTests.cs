using NewsWatch.Storage.Tables;

namespace NewsWatch.Storage.Tests.Unit;

public sealed class TableRulesTests
{
    [Theory]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a#b", "'#'")]
    [InlineData("a?b", "'?'")]
    [InlineData("a\u0001b", "U+0001")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\u009Fb", "U+009F")]
    public void Forbidden_key_characters_are_named_in_the_error(string key, string shown)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => TableRules.ValidateKey(key, "RowKey"));

        Assert.Contains(shown, ex.Message, StringComparison.Ordinal);
        Assert.Equal("RowKey", ex.ParamName);
    }

    [Fact]
    public void Keys_may_be_empty_or_512_chars_but_not_513_or_null()
    {
        TableRules.ValidateKey(string.Empty, "PartitionKey");
        TableRules.ValidateKey(new string('k', 512), "PartitionKey");

        var tooLong = Assert.ThrowsAny<ArgumentException>(() => TableRules.ValidateKey(new string('k', 513), "PartitionKey"));
        Assert.Contains("513", tooLong.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => TableRules.ValidateKey(null, "PartitionKey"));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("ab-c")]
    [InlineData("Tables")]
    [InlineData("tables")]
    public void Invalid_table_names_are_rejected(string name) =>
        Assert.Throws<ArgumentException>(() => TableRules.ValidateTableName(name));

    [Theory]
    [InlineData("abc")]
    [InlineData("Articles2")]
    public void Valid_table_names_pass(string name) => TableRules.ValidateTableName(name);

    [Fact]
    public void A_string_over_32k_characters_is_refused_before_sending()
    {
        var entity = new TableEntity("p", "r") { ["Text"] = new string('x', TableRules.MaxStringLength + 1) };

        var ex = Assert.Throws<ArgumentException>(() => TableRules.ValidateEntity(entity));
        Assert.Contains("Text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_over_64k_and_unsupported_types_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TableRules.ValidateEntity(new TableEntity("p", "r") { ["B"] = new byte[TableRules.MaxBinaryLength + 1] }));
        Assert.Throws<ArgumentException>(() => TableRules.ValidateEntity(new TableEntity("p", "r") { ["D"] = 1.5m }));
    }

    [Fact]
    public void More_than_252_own_properties_are_refused()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
        {
            entity["P" + i] = i;
        }

        Assert.Throws<ArgumentException>(() => TableRules.ValidateEntity(entity));
        entity.Remove("P0");
        TableRules.ValidateEntity(entity);
    }

    [Fact]
    public void An_entity_over_1_MiB_is_refused()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 20; i++)
        {
            entity["S" + i] = new string('x', 30_000);
        }

        var ex = Assert.Throws<ArgumentException>(() => TableRules.ValidateEntity(entity));
        Assert.Contains("1 MiB", ex.Message, StringComparison.Ordinal);
    }
}
