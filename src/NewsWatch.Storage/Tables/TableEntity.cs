using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace NewsWatch.Storage.Tables;

/// <summary>What every table entity has: its keys, the server's timestamp and the ETag for concurrency.</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    DateTimeOffset? Timestamp { get; set; }

    ETag ETag { get; set; }
}

/// <summary>
/// A schemaless entity: a property bag with typed getters. Values may be string, int, long, double, bool,
/// DateTimeOffset, DateTime, Guid, byte[] or BinaryData; they come back with the same type.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Same name as Azure.Data.Tables.TableEntity so callers can switch packages.")]
public sealed class TableEntity : ITableEntity, IDictionary<string, object?>
{
    internal const string PartitionKeyName = "PartitionKey";
    internal const string RowKeyName = "RowKey";
    internal const string TimestampName = "Timestamp";

    private readonly Dictionary<string, object?> _properties;

    public TableEntity()
        : this(null)
    {
    }

    public TableEntity(string partitionKey, string rowKey)
        : this(null)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object?>? values)
    {
        _properties = values is null
            ? new Dictionary<string, object?>(StringComparer.Ordinal)
            : new Dictionary<string, object?>(values, StringComparer.Ordinal);
    }

    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? string.Empty;
        set => _properties[PartitionKeyName] = value;
    }

    public string RowKey
    {
        get => GetString(RowKeyName) ?? string.Empty;
        set => _properties[RowKeyName] = value;
    }

    /// <summary>Set by the service on every write; ignored when sending.</summary>
    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(TimestampName);
        set => _properties[TimestampName] = value;
    }

    public ETag ETag { get; set; }

    public int Count => _properties.Count;

    public bool IsReadOnly => false;

    public ICollection<string> Keys => _properties.Keys;

    public ICollection<object?> Values => _properties.Values;

    /// <summary>Null for a property the entity does not have (like the Azure SDK).</summary>
    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[key] = value;
    }

    public string? GetString(string key) => Get<string>(key, v => v switch
    {
        string s => s,
        _ => null,
    });

    public int? GetInt32(string key) => GetStruct(key, v => v switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        _ => (int?)null,
    });

    public long? GetInt64(string key) => GetStruct(key, v => v switch
    {
        long l => l,
        int i => i,
        _ => (long?)null,
    });

    public double? GetDouble(string key) => GetStruct(key, v => v switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => (double?)null,
    });

    public bool? GetBoolean(string key) => GetStruct(key, v => v switch
    {
        bool b => b,
        _ => (bool?)null,
    });

    public DateTimeOffset? GetDateTimeOffset(string key) => GetStruct(key, v => v switch
    {
        DateTimeOffset d => d,
        DateTime d => TableValues.ToDateTimeOffset(d),
        _ => (DateTimeOffset?)null,
    });

    public DateTime? GetDateTime(string key) => GetDateTimeOffset(key)?.UtcDateTime;

    public Guid? GetGuid(string key) => GetStruct(key, v => v switch
    {
        Guid g => g,
        _ => (Guid?)null,
    });

    public byte[]? GetBinary(string key) => Get<byte[]>(key, v => v switch
    {
        byte[] b => b,
        BinaryData d => d.ToArray(),
        _ => null,
    });

    public BinaryData? GetBinaryData(string key) => Get<BinaryData>(key, v => v switch
    {
        BinaryData d => d,
        byte[] b => new BinaryData(b),
        _ => null,
    });

    public void Add(string key, object? value) => _properties.Add(key, value);

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Remove(string key) => _properties.Remove(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    public void Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);

    public void Clear() => _properties.Clear();

    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T? Get<T>(string key, Func<object, T?> convert)
        where T : class =>
        _properties.TryGetValue(key, out var value) && value is not null
            ? convert(value) ?? throw Mismatch<T>(key, value)
            : null;

    private T? GetStruct<T>(string key, Func<object, T?> convert)
        where T : struct =>
        _properties.TryGetValue(key, out var value) && value is not null
            ? convert(value) ?? throw Mismatch<T>(key, value)
            : null;

    private static InvalidOperationException Mismatch<T>(string key, object value) =>
        new($"Property '{key}' holds a {value.GetType().Name}, which cannot be read as {typeof(T).Name}.");
}
