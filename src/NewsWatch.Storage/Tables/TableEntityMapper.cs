using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace NewsWatch.Storage.Tables;

/// <summary>
/// Maps between <see cref="TableEntity"/> and a caller's POCO implementing <see cref="ITableEntity"/>, by public
/// property name. The property list of each type is computed once, in a static readonly field that never changes.
/// </summary>
internal static class TableEntityMapper
{
    /// <summary>
    /// What the mapper reads of an entity type by reflection. Every generic path from the public TableClient API down
    /// to <see cref="Shape{T}"/> carries it, so that a trimmed app keeps those members of its entity types.
    /// </summary>
    public const DynamicallyAccessedMemberTypes EntityMembers =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;

    public static IEnumerable<KeyValuePair<string, object?>> ToProperties<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>(T entity)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity is TableEntity table)
        {
            return table;
        }

        var result = new List<KeyValuePair<string, object?>>
        {
            new(TableEntity.PartitionKeyName, entity.PartitionKey),
            new(TableEntity.RowKeyName, entity.RowKey),
        };
        foreach (var property in Shape<T>.Properties)
        {
            var value = property.GetValue(entity);
            result.Add(new(property.Name, value is Enum e ? e.ToString() : value));
        }

        return result;
    }

    public static T FromEntity<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>(TableEntity entity)
        where T : class, ITableEntity, new()
    {
        if (entity is T same)
        {
            return same;
        }

        var result = new T
        {
            PartitionKey = entity.PartitionKey,
            RowKey = entity.RowKey,
            Timestamp = entity.Timestamp,
            ETag = entity.ETag,
        };
        foreach (var property in Shape<T>.Properties)
        {
            if (property.CanWrite && entity.TryGetValue(property.Name, out var value) && value is not null)
            {
                property.SetValue(result, Convert(entity, property.Name, property.PropertyType));
            }
        }

        return result;
    }

    private static object? Convert(TableEntity entity, string name, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum)
        {
            return Enum.Parse(target, entity.GetString(name)!);
        }

        return target switch
        {
            _ when target == typeof(string) => entity.GetString(name),
            _ when target == typeof(int) => entity.GetInt32(name),
            _ when target == typeof(long) => entity.GetInt64(name),
            _ when target == typeof(double) => entity.GetDouble(name),
            _ when target == typeof(bool) => entity.GetBoolean(name),
            _ when target == typeof(DateTimeOffset) => entity.GetDateTimeOffset(name),
            _ when target == typeof(DateTime) => entity.GetDateTime(name),
            _ when target == typeof(Guid) => entity.GetGuid(name),
            _ when target == typeof(byte[]) => entity.GetBinary(name),
            _ when target == typeof(BinaryData) => entity.GetBinaryData(name),
            _ => throw new InvalidOperationException($"Property '{name}' has type {type.Name}, which cannot be read from a table."),
        };
    }

    private static class Shape<[DynamicallyAccessedMembers(TableEntityMapper.EntityMembers)] T>
    {
        private static readonly HashSet<string> Reserved =
            [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag)];

        public static readonly PropertyInfo[] Properties = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !Reserved.Contains(p.Name))
            .ToArray();
    }
}
