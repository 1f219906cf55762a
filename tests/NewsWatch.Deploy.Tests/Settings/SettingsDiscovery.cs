using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsWatch.Infrastructure.Composition;

namespace NewsWatch.Deploy.Tests.Settings;

/// <summary>
/// Finds the settings the code reads by asking the code. The composition (<c>AddNewsWatch</c> and every other public
/// <c>AddNewsWatch*</c> of the infrastructure, as the handler and the CLI use them) is given a configuration that
/// records every lookup. For each options type it configures, its configure delegates are run: the sections they
/// bind from are recorded, and the options type is then walked the way the configuration binder walks it (settable
/// scalars, lists as element "0", nested objects). Direct lookups (<c>section["queueServiceUri"]</c>) are recorded
/// as they happen, and the handler's own root-level reads are found in its source.
/// No list of names is kept here: a setting added to an options class is found by the next test run.
/// </summary>
internal static partial class SettingsDiscovery
{
    private const int MaxDepth = 8;

    private static readonly Lazy<DiscoveredSettings> Cached = new(Discover);

    public static DiscoveredSettings Settings => Cached.Value;

    /// <summary>
    /// AddNewsWatch first, then every other public AddNewsWatch*(IServiceCollection, IConfiguration) of the
    /// infrastructure (alerts, ...): a feature registered through a new extension is discovered as well.
    /// </summary>
    private static IReadOnlyList<MethodInfo> Compositions { get; } =
        typeof(ServiceCollectionExtensions).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("AddNewsWatch", StringComparison.Ordinal)
                && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(IServiceCollection), typeof(IConfiguration)]))
            .OrderBy(m => m.Name == nameof(ServiceCollectionExtensions.AddNewsWatch) ? 0 : 1)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

    private static DiscoveredSettings Discover()
    {
        var recorder = new ConfigurationRecorder();
        var root = new RecordingSection(recorder, new ConfigurationBuilder().Build(), string.Empty);
        var services = new ServiceCollection();
        services.AddLogging();
        foreach (var compose in Compositions)
        {
            compose.Invoke(null, [services, root]);
        }

        // Reads the composition makes while registering (the storage connection, which decides how clients are built).
        var compositionReads = recorder.ValueReads.ToList();

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var bound = new List<string>();
        using var provider = services.BuildServiceProvider();
        foreach (var optionsType in OptionsTypes(services))
        {
            recorder.Clear();
            var instance = Activator.CreateInstance(optionsType)!;
            var configure = typeof(IConfigureOptions<>).MakeGenericType(optionsType);
            foreach (var configurator in provider.GetServices(configure))
            {
                // Only the configure delegates (Bind, Configure): validation is not ours to run here.
                configure.GetMethod(nameof(IConfigureOptions<object>.Configure))!.Invoke(configurator, [instance]);
            }

            // With nothing configured the binder stops at the section it starts from; those are the sections this
            // type binds from. Walk the type under each of them.
            var sections = recorder.ChildrenReads.ToList();
            foreach (var section in sections)
            {
                Walk(optionsType, section, keys, 0);
                bound.Add($"{optionsType.Name} <- {section}");
            }

            // Lookups the delegates made themselves (the binder also asks a section for its own value: not a setting).
            keys.UnionWith(recorder.ValueReads.Where(k => !sections.Contains(k, StringComparer.OrdinalIgnoreCase)));
        }

        // Factories registered with a lambda may read configuration directly when they run.
        recorder.Clear();
        foreach (var serviceType in services.Select(d => d.ServiceType).Where(t => !t.ContainsGenericParameters).Distinct())
        {
            try
            {
                _ = provider.GetServices(serviceType).ToList();
            }
            catch (InvalidOperationException)
            {
                // Unconfigured storage and the like; only the configuration reads matter here.
            }
            catch (OptionsValidationException)
            {
            }
        }

        keys.UnionWith(recorder.ValueReads);
        keys.UnionWith(compositionReads);
        keys.UnionWith(HandlerSourceKeys());
        return new DiscoveredSettings(keys, bound);
    }

    /// <summary>Every options type the composition configures.</summary>
    private static List<Type> OptionsTypes(IServiceCollection services) =>
        services.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && !t.ContainsGenericParameters && t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct()
            .ToList();

    /// <summary>The keys ConfigurationBinder would look up to fill <paramref name="type"/> from <paramref name="path"/>.</summary>
    private static void Walk(Type type, string path, ISet<string> keys, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var key = path + ":" + (property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name);
            var settable = property.SetMethod is { IsPublic: true };
            var t = property.PropertyType;
            if (IsScalar(t))
            {
                // A get-only scalar (a computed IsEmpty, UsesSmtp) cannot be set from configuration.
                if (settable)
                {
                    keys.Add(key);
                }
            }
            else if (ElementType(t) is { } element)
            {
                // The binder fills a settable collection, or adds to a get-only one that is mutable.
                if (settable || IsMutableCollection(t, element))
                {
                    if (IsScalar(element))
                    {
                        keys.Add(key + ":0");
                    }
                    else
                    {
                        Walk(element, key + ":0", keys, depth + 1);
                    }
                }
            }
            else if (t.IsClass)
            {
                Walk(t, key, keys, depth + 1);
            }
        }
    }

    private static bool IsScalar(Type t)
    {
        var type = Nullable.GetUnderlyingType(t) ?? t;
        return type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal)
            || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));
    }

    /// <summary>The element type of a collection the binder fills (dictionaries: the value type, keyed like "0").</summary>
    private static Type? ElementType(Type t)
    {
        if (t == typeof(string))
        {
            return null;
        }

        if (t.IsArray)
        {
            return t.GetElementType();
        }

        var enumerable = (t.IsInterface && t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ? t
            : t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (enumerable is null)
        {
            return null;
        }

        var element = enumerable.GetGenericArguments()[0];
        return element.IsGenericType && element.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? element.GetGenericArguments()[1] : element;
    }

    private static bool IsMutableCollection(Type t, Type element) =>
        typeof(ICollection<>).MakeGenericType(element).IsAssignableFrom(t)
        || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    /// <summary>Root-level reads in the handler project (e.g. the port the Functions host gives).</summary>
    private static IEnumerable<string> HandlerSourceKeys()
    {
        var folder = Path.Combine(RepoRoot.Path, "src", "NewsWatch.Functions");
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match m in RootRead().Matches(File.ReadAllText(file)))
            {
                yield return m.Groups["key"].Value;
            }
        }
    }

    [GeneratedRegex("""[Cc]onfiguration(?:\s*\[\s*|\.GetSection\(\s*|\.GetValue<[^>]+>\(\s*)"(?<key>[A-Za-z_][A-Za-z0-9_:]*)"\s*[\])]""")]
    private static partial Regex RootRead();
}

/// <summary>Every configuration key the code reads, in configuration form ("A:B:0:C").</summary>
internal sealed class DiscoveredSettings(IReadOnlySet<string> reads, IReadOnlyList<string> bindings)
{
    /// <summary>All keys read, including a section read for a value of its own (AzureWebJobsStorage).</summary>
    public IReadOnlySet<string> ValueReads { get; } = reads;

    /// <summary>Which options type binds from which section, for the test log.</summary>
    public IReadOnlyList<string> Bindings { get; } = bindings;

    /// <summary>The settings an operator sets: reads that are not parents of other reads.</summary>
    public IReadOnlyList<string> Leaves { get; } = reads
        .Where(k => !reads.Any(other => other.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase)))
        .Order(StringComparer.OrdinalIgnoreCase)
        .ToList();

    /// <summary>
    /// True when <paramref name="setNames"/> (app setting names, normalised) provide <paramref name="key"/>: the name
    /// itself, or an ancestor the code also reads as one value (a connection string "AzureWebJobsStorage" stands for
    /// its identity-based children).
    /// </summary>
    public bool IsProvided(string key, IReadOnlySet<string> setNames)
    {
        if (setNames.Contains(SettingNames.ToEnvironmentName(key)))
        {
            return true;
        }

        var parts = key.Split(':');
        for (var n = parts.Length - 1; n >= 1; n--)
        {
            var ancestor = string.Join(':', parts[..n]);
            if (ValueReads.Contains(ancestor) && setNames.Contains(SettingNames.ToEnvironmentName(ancestor)))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>How configuration keys map to app-setting names: ':' becomes "__" (Linux environment variables).</summary>
internal static partial class SettingNames
{
    /// <summary>"NewsWatch:Feeds:3:Url" -> "NewsWatch__Feeds__0__Url": indexes are compared as one shape.</summary>
    public static string ToEnvironmentName(string configurationKey) =>
        string.Join("__", configurationKey.Split(':').Select(p => p.All(char.IsAsciiDigit) ? "0" : p));

    /// <summary>Normalises an app setting name as written in a file: numeric and Bicep-interpolated ("${i}") parts become "0".</summary>
    public static string Normalize(string appSettingName) =>
        string.Join("__", Interpolation().Replace(appSettingName, "0").Split("__").Select(p => p.All(char.IsAsciiDigit) ? "0" : p));

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Interpolation();
}
