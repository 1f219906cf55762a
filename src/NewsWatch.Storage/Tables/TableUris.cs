namespace NewsWatch.Storage.Tables;

/// <summary>OData resource paths of the Table service.</summary>
internal static class TableUris
{
    /// <summary>
    /// <c>{table}(PartitionKey='…',RowKey='…')</c>: keys quoted with '' doubling, then percent-encoded. The same
    /// text is signed and sent, so the signature always matches the wire.
    /// </summary>
    public static string Entity(Uri tableUri, string partitionKey, string rowKey)
    {
        TableRules.ValidateKey(partitionKey, nameof(ITableEntity.PartitionKey));
        TableRules.ValidateKey(rowKey, nameof(ITableEntity.RowKey));
        return tableUri.AbsoluteUri + "(PartitionKey='" + EscapeKey(partitionKey) + "',RowKey='" + EscapeKey(rowKey) + "')";
    }

    /// <summary><c>Tables('name')</c>, the address of a table itself.</summary>
    public static Uri Table(Uri tablesUri, string tableName) =>
        new(tablesUri.AbsoluteUri + "('" + Uri.EscapeDataString(tableName) + "')");

    /// <summary><c>{table}()</c>, the query address.</summary>
    public static Uri Query(Uri tableUri) => new(tableUri.AbsoluteUri + "()");

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
