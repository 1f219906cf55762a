namespace NewsWatch.Storage.Tables;

/// <summary>Replace swaps the whole entity; Merge keeps properties the new entity does not mention.</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}

public sealed class TableItem(string name)
{
    public string Name { get; } = name;
}

public class TableClientOptions : StorageClientOptions
{
    /// <summary>The Table REST version: what the Azure.Data.Tables SDK speaks.</summary>
    public const string DefaultServiceVersion = "2019-02-02";

    public TableClientOptions()
        : base(DefaultServiceVersion)
    {
    }
}
