using AngleSharp.Dom;

namespace NewsWatch.Extraction.Metadata;

/// <summary>
/// The page's &lt;meta&gt; tags by key (name, property, itemprop or http-equiv, case-insensitive), in
/// document order. Several values per key are kept because article:author and author repeat.
/// </summary>
internal sealed class MetaTags
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    public void Add(IElement meta)
    {
        var content = meta.GetAttribute("content");
        if (string.IsNullOrWhiteSpace(content))
        {
            return;
        }

        foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
        {
            var key = meta.GetAttribute(attribute);
            if (!string.IsNullOrWhiteSpace(key))
            {
                if (!_values.TryGetValue(key.Trim(), out var list))
                {
                    list = [];
                    _values[key.Trim()] = list;
                }

                list.Add(content.Trim());
            }
        }
    }

    public string? First(string key) => _values.TryGetValue(key, out var list) ? list[0] : null;

    public List<string> All(params string[] keys)
    {
        var result = new List<string>();
        foreach (var key in keys)
        {
            if (_values.TryGetValue(key, out var list))
            {
                result.AddRange(list);
            }
        }

        return result;
    }
}
