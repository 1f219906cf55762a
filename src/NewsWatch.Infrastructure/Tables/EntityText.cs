using NewsWatch.Storage.Tables;

namespace NewsWatch.Infrastructure.Tables;

/// <summary>
/// Long text in Table Storage: one string property holds at most 32K UTF-16 characters, so article
/// bodies are split over "Name", "Name_1", "Name_2"… and joined back on read.
/// </summary>
internal static class EntityText
{
    public const int ChunkChars = 30_000;

    /// <summary>Keeps the whole entity under the 1 MiB limit with room for the other properties.</summary>
    public const int MaxChunks = 14;

    public static void Write(TableEntity entity, string name, string? text)
    {
        text ??= "";
        var chunks = Math.Min(MaxChunks, Math.Max(1, (text.Length + ChunkChars - 1) / ChunkChars));
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
