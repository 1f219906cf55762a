namespace NewsWatch.Extraction.Metadata;

/// <summary>
/// Normalises author values: drops "By" and profile URLs, splits "A and B" / "A; B", removes
/// duplicates (the same name often arrives from JSON-LD and meta tags). Commas are not split on:
/// "Jane Doe, CNN Business" and "Doe, Jane" are one author each.
/// </summary>
internal static class AuthorNames
{
    public static List<string> Clean(IEnumerable<string> values)
    {
        var names = new List<string>();
        foreach (var raw in values)
        {
            var value = System.Net.WebUtility.HtmlDecode(Whitespace.Collapse(raw));
            if (value.StartsWith("http", StringComparison.OrdinalIgnoreCase) || value.Contains('@', StringComparison.Ordinal) || value.Length > 200)
            {
                continue;
            }

            if (value.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
            {
                value = value[3..];
            }

            foreach (var part in value.Split([" and ", " & ", ";", "|"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length is >= 2 and <= 80 && !names.Contains(part, StringComparer.OrdinalIgnoreCase))
                {
                    names.Add(part);
                }
            }
        }

        return names;
    }
}
