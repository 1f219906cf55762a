using System.Text;

namespace NewsWatch.Storage.Tables;

/// <summary>
/// The Table service's limits, checked before a request is sent so a bad key or oversized value fails fast with
/// a message that names the rule, instead of a terse 400 from the service.
/// </summary>
public static class TableRules
{
    /// <summary>PartitionKey/RowKey: 1 KiB of UTF-16.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>String properties: 64 KiB of UTF-16.</summary>
    public const int MaxStringLength = 32 * 1024;

    public const int MaxBinaryLength = 64 * 1024;

    public const int MaxPropertyNameLength = 255;

    /// <summary>255 including PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxCustomProperties = 252;

    public const int MaxEntityBytes = 1024 * 1024;

    public const int MaxBatchOperations = 100;

    public const int MaxBatchBytes = 4 * 1024 * 1024;

    public const int MaxPageSize = 1000;

    /// <summary>Table names: a letter, then 2–62 letters or digits; "Tables" is reserved.</summary>
    public static void ValidateTableName(string tableName, string paramName = "tableName")
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName, paramName);
        var valid = tableName.Length is >= 3 and <= 63
            && char.IsAsciiLetter(tableName[0])
            && tableName.All(char.IsAsciiLetterOrDigit)
            && !tableName.Equals("Tables", StringComparison.OrdinalIgnoreCase);
        if (!valid)
        {
            throw new ArgumentException(
                $"'{tableName}' is not a valid table name: 3–63 letters or digits, starting with a letter, and not 'Tables'.",
                paramName);
        }
    }

    /// <summary>Keys may be empty, but not null, longer than 512 characters, or contain / \ # ? or control characters.</summary>
    public static void ValidateKey(string? key, string keyName)
    {
        if (key is null)
        {
            throw new ArgumentNullException(keyName, $"{keyName} must not be null (an empty string is allowed).");
        }

        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"{keyName} is {key.Length} characters; the Table service allows at most {MaxKeyLength} (1 KiB).", keyName);
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                var shown = char.IsControl(c) ? $"control character U+{(int)c:X4}" : $"'{c}'";
                throw new ArgumentException(
                    $"{keyName} contains {shown} at index {i}; keys may not contain / \\ # ? or control characters.", keyName);
            }
        }
    }

    /// <summary>Checks the keys, each property and the documented size formula of the whole entity.</summary>
    public static void ValidateEntity(IEnumerable<KeyValuePair<string, object?>> entity, string paramName = "entity")
    {
        ArgumentNullException.ThrowIfNull(entity, paramName);
        string? partitionKey = null, rowKey = null;
        var custom = 0;
        long size = 4;
        foreach (var (name, value) in entity)
        {
            switch (name)
            {
                case TableEntity.PartitionKeyName:
                    partitionKey = value as string;
                    continue;
                case TableEntity.RowKeyName:
                    rowKey = value as string;
                    continue;
                case TableEntity.TimestampName:
                    continue;
            }

            if (value is null)
            {
                continue;
            }

            if (name.Length is 0 or > MaxPropertyNameLength)
            {
                throw new ArgumentException(
                    $"Property name '{Shorten(name)}' is {name.Length} characters; names must be 1–{MaxPropertyNameLength}.", paramName);
            }

            size += 8 + (name.Length * 2) + ValueSize(name, value, paramName);
            if (++custom > MaxCustomProperties)
            {
                throw new ArgumentException(
                    $"The entity has more than {MaxCustomProperties} properties of its own (255 including PartitionKey, RowKey, Timestamp).",
                    paramName);
            }
        }

        ValidateKey(partitionKey, TableEntity.PartitionKeyName);
        ValidateKey(rowKey, TableEntity.RowKeyName);
        size += (partitionKey!.Length + rowKey!.Length) * 2;
        if (size > MaxEntityBytes)
        {
            throw new ArgumentException(
                $"The entity is about {size} bytes by the service's size formula; the limit is {MaxEntityBytes} (1 MiB).", paramName);
        }
    }

    private static long ValueSize(string name, object value, string paramName) => value switch
    {
        string s => s.Length <= MaxStringLength
            ? 4 + (s.Length * 2)
            : throw new ArgumentException(
                $"String property '{name}' has {s.Length} characters; the Table service allows at most {MaxStringLength} (64 KiB).",
                paramName),
        byte[] b => CheckBinary(name, b.Length, paramName),
        BinaryData d => CheckBinary(name, d.ToMemory().Length, paramName),
        int or bool => 4,
        long or double or DateTime or DateTimeOffset => 8,
        Guid => 16,
        _ => throw new ArgumentException(
            $"Property '{name}' has type {value.GetType().Name}; supported types are string, int, long, double, bool, " +
            "DateTimeOffset, DateTime, Guid, byte[] and BinaryData.",
            paramName),
    };

    private static long CheckBinary(string name, int length, string paramName) =>
        length <= MaxBinaryLength
            ? 4 + length
            : throw new ArgumentException(
                $"Binary property '{name}' has {length} bytes; the Table service allows at most {MaxBinaryLength} (64 KiB).", paramName);

    private static string Shorten(string name) =>
        name.Length <= 40 ? name : new StringBuilder(name, 0, 37, 40).Append("...").ToString();
}
