using System.Text.Json;

namespace NewsWatch.Extraction.Metadata;

/// <summary>
/// Finds the article object in JSON-LD blocks: top-level objects, arrays, and "@graph" lists, taking
/// the first object whose @type is an Article subtype. Invalid JSON, which is common (raw newlines in
/// strings, trailing commas, HTML comments around the block), is tolerated where cheap and otherwise
/// skipped: metadata has other sources and must never fail an extraction.
/// </summary>
internal static class JsonLdReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static JsonLdArticle? FindArticle(IEnumerable<string> blocks)
    {
        JsonLdArticle? fallback = null;
        foreach (var block in blocks)
        {
            var json = Clean(block);
            if (json.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(json, Options);
                if (Find(document.RootElement, depth: 0) is { } article)
                {
                    if (article.IsArticle)
                    {
                        return Read(article.Element);
                    }

                    fallback ??= Read(article.Element);
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is ordinary on the web; the meta tags usually carry the same facts.
            }
        }

        return fallback;
    }

    private readonly record struct Match(JsonElement Element, bool IsArticle);

    /// <summary>First Article-typed object; a WebPage object is remembered as a weaker fallback.</summary>
    private static Match? Find(JsonElement element, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                Match? weak = null;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, depth + 1) is { } found)
                    {
                        if (found.IsArticle)
                        {
                            return found;
                        }

                        weak ??= found;
                    }
                }

                return weak;
            case JsonValueKind.Object:
                var kind = TypeOf(element);
                if (kind == ObjectKind.Article)
                {
                    return new Match(element, true);
                }

                if (element.TryGetProperty("@graph", out var graph) && Find(graph, depth + 1) is { } inGraph)
                {
                    return inGraph;
                }

                if (element.TryGetProperty("mainEntity", out var main) && Find(main, depth + 1) is { IsArticle: true } inMain)
                {
                    return inMain;
                }

                return kind == ObjectKind.Page ? new Match(element, false) : null;
            default:
                return null;
        }
    }

    private enum ObjectKind
    {
        Other,
        Article,
        Page,
    }

    private static ObjectKind TypeOf(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return ObjectKind.Other;
        }

        var result = ObjectKind.Other;
        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
            {
                result = Max(result, Classify(t.ValueKind == JsonValueKind.String ? t.GetString() : null));
            }

            return result;
        }

        return Classify(type.ValueKind == JsonValueKind.String ? type.GetString() : null);
    }

    private static ObjectKind Max(ObjectKind a, ObjectKind b) => a == ObjectKind.Article || b == ObjectKind.Article
        ? ObjectKind.Article
        : a == ObjectKind.Page || b == ObjectKind.Page ? ObjectKind.Page : ObjectKind.Other;

    private static ObjectKind Classify(string? type)
    {
        if (type is null)
        {
            return ObjectKind.Other;
        }

        var name = type.AsSpan();
        var slash = name.LastIndexOfAny('/', ':');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        if (name.EndsWith("Article", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("BlogPosting", StringComparison.OrdinalIgnoreCase)
            || name.Equals("LiveBlogPosting", StringComparison.OrdinalIgnoreCase)
            || name.Equals("SocialMediaPosting", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Report", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Review", StringComparison.OrdinalIgnoreCase))
        {
            return ObjectKind.Article;
        }

        return name.EndsWith("WebPage", StringComparison.OrdinalIgnoreCase) ? ObjectKind.Page : ObjectKind.Other;
    }

    private static JsonLdArticle Read(JsonElement article)
    {
        var result = new JsonLdArticle
        {
            Headline = String(article, "headline") ?? String(article, "name"),
            DatePublished = String(article, "datePublished") ?? String(article, "dateCreated"),
            DateModified = String(article, "dateModified"),
            PublisherName = NameOf(article, "publisher"),
            Image = UrlOf(article, "image") ?? UrlOf(article, "thumbnailUrl"),
            Language = String(article, "inLanguage"),
            Url = String(article, "url") ?? UrlOf(article, "mainEntityOfPage"),
            Description = String(article, "description"),
            ArticleBody = String(article, "articleBody"),
        };

        if (article.TryGetProperty("author", out var author) || article.TryGetProperty("creator", out author))
        {
            AddNames(author, result.Authors);
        }

        return result;
    }

    private static void AddNames(JsonElement value, List<string> names)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                names.Add(value.GetString()!);
                break;
            case JsonValueKind.Object:
                if (String(value, "name") is { } name)
                {
                    names.Add(name);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    AddNames(item, names);
                }

                break;
            default:
                break;
        }
    }

    private static string? String(JsonElement obj, string property) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => NullIfBlank(value.GetString()),
                JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => NullIfBlank(value[0].GetString()),
                _ => null,
            }
            : null;

    private static string? NameOf(JsonElement obj, string property) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => NullIfBlank(value.GetString()),
                JsonValueKind.Object => String(value, "name"),
                JsonValueKind.Array when value.GetArrayLength() > 0 => value[0].ValueKind == JsonValueKind.Object ? String(value[0], "name") : null,
                _ => null,
            }
            : null;

    /// <summary>A URL given as a string, an object with "url" or "@id", or an array of either.</summary>
    private static string? UrlOf(JsonElement obj, string property)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(property, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            if (value.GetArrayLength() == 0)
            {
                return null;
            }

            value = value[0];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => NullIfBlank(value.GetString()),
            JsonValueKind.Object => String(value, "url") ?? String(value, "@id"),
            _ => null,
        };
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Strips the HTML comment and CDATA wrappers some CMSs put around the block.</summary>
    private static string Clean(string block)
    {
        var json = block.AsSpan().Trim();
        if (json.StartsWith("<!--", StringComparison.Ordinal))
        {
            json = json[4..];
        }

        if (json.EndsWith("-->", StringComparison.Ordinal))
        {
            json = json[..^3];
        }

        json = json.Trim();
        if (json.StartsWith("//<![CDATA[", StringComparison.Ordinal))
        {
            json = json[11..];
        }

        if (json.EndsWith("//]]>", StringComparison.Ordinal))
        {
            json = json[..^5];
        }

        return json.Trim().ToString();
    }
}
