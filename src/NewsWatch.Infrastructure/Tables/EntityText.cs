using Azure.Data.Tables;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>
/// Long text in Table Storage: one string property holds at most 32K UTF-16 characters, so article
/// bodies are split over "Name", "Name_1", "Name_2"… and joined back on read.
/// </summary>
internal static class EntityText
{
    public const int ChunkChars = 30_000;

    /// <summary>
    /// Writes <paramref name="text"/> in at most <paramref name="maxChunks"/> properties; callers share out
    /// the entity's 1 MiB (≈ 17 chunks of UTF-16) between their long fields. Longer text is cut.
    /// </summary>
    public static void Write(TableEntity entity, string name, string? text, int maxChunks = 15)
    {
        text ??= "";
        var chunks = Math.Min(maxChunks, Math.Max(1, (text.Length + ChunkChars - 1) / ChunkChars));
        for (var i = 0; i < chunks; i++)
        {
            var start = i * ChunkChars;
            var part = start < text.Length ? text.Substring(start, Math.Min(ChunkChars, text.Length - start)) : "";
            entity[i == 0 ? name : $"{name}_{i}"] = part;
        }

        entity[$"{name}Chunks"] = chunks;
    }

    public static string Read(TableEntity entity, string name)
    {
        var chunks = entity.GetInt32($"{name}Chunks") ?? 1;
        return string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(i == 0 ? name : $"{name}_{i}") ?? ""));
    }
}

/// <summary>Helpers shared by the entity mappers.</summary>
internal static class EntityProperties
{
    /// <summary>
    /// Absent and null mean the same to a reader of these rows, and leaving nulls out keeps rows lean and
    /// a Replace from writing empty columns.
    /// </summary>
    public static void RemoveNullProperties(this TableEntity entity)
    {
        foreach (var key in entity.Keys.Where(k => entity[k] is null).ToList())
        {
            entity.Remove(key);
        }
    }
}
