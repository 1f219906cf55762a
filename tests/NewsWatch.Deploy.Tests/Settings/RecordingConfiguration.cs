using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace NewsWatch.Deploy.Tests.Settings;

/// <summary>Collects the full keys whose value the code asked for.</summary>
internal sealed class ConfigurationRecorder
{
    private readonly ConcurrentDictionary<string, byte> _valueReads = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _childrenReads = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> ValueReads => _valueReads.Keys;

    /// <summary>Sections whose children were asked for: collections, dictionaries, and some the binder only checks.</summary>
    public IEnumerable<string> ChildrenReads => _childrenReads.Keys;

    public void Clear()
    {
        _valueReads.Clear();
        _childrenReads.Clear();
    }

    public void ChildrenRead(string path)
    {
        if (path.Length > 0)
        {
            _childrenReads.TryAdd(path, 0);
        }
    }

    public void ValueRead(string path)
    {
        if (path.Length > 0)
        {
            _valueReads.TryAdd(path, 0);
        }
    }
}

/// <summary>A configuration (the root when <see cref="Path"/> is empty) that records value and children lookups.</summary>
internal sealed class RecordingSection(ConfigurationRecorder recorder, IConfiguration inner, string path) : IConfigurationSection
{

    public string Key => path.Length == 0 ? string.Empty : path[(path.LastIndexOf(':') + 1)..];

    public string Path => path;

    public string? Value
    {
        get
        {
            recorder.ValueRead(path);
            return path.Length == 0 ? null : inner[path];
        }
        set => inner[path] = value;
    }

    public string? this[string key]
    {
        get
        {
            var full = Combine(key);
            recorder.ValueRead(full);
            return inner[full];
        }
        set => inner[Combine(key)] = value;
    }

    public IConfigurationSection GetSection(string key) => new RecordingSection(recorder, inner, Combine(key));

    public IEnumerable<IConfigurationSection> GetChildren()
    {
        recorder.ChildrenRead(path);
        return (path.Length == 0 ? inner.GetChildren() : inner.GetSection(path).GetChildren())
            .Select(c => (IConfigurationSection)new RecordingSection(recorder, inner, c.Path))
            .ToList();
    }

    public IChangeToken GetReloadToken() => inner.GetReloadToken();

    private string Combine(string key) => path.Length == 0 ? key : path + ":" + key;
}
