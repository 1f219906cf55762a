using AngleSharp.Dom;

namespace NewsWatch.Extraction.Metadata;

/// <summary>
/// Reads title, dates, authors, canonical URL, language, site name, lead image and description from
/// the page's own declarations, most specific first: Open Graph / article:* meta tags and JSON-LD
/// (what publishers fill in for social cards and search engines), then generic meta names
/// (Dublin Core, Parse.ly, Sailthru), then the document itself (&lt;title&gt;, &lt;time&gt;, lang), and
/// for the publication date finally the URL.
/// </summary>
internal static class MetadataReader
{
    /// <param name="elements">The page's meta, link, title, time and html elements.</param>
    /// <param name="jsonLd">Bodies of the page's JSON-LD script blocks.</param>
    public static PageMetadata Read(
        IReadOnlyList<IElement> elements, IEnumerable<string> jsonLd, Uri? pageUrl, Func<IReadOnlyList<string>>? bylineFallback = null)
    {
        var meta = new MetaTags();
        string? titleElement = null, htmlLang = null, canonical = null, imageSrc = null;
        string? timePublished = null, timeModified = null, firstTime = null;
        foreach (var element in elements)
        {
            switch (element.LocalName)
            {
                case "meta":
                    meta.Add(element);
                    break;
                case "link":
                    var rel = element.GetAttribute("rel");
                    if (rel is null)
                    {
                        break;
                    }

                    if (canonical is null && rel.Equals("canonical", StringComparison.OrdinalIgnoreCase))
                    {
                        canonical = element.GetAttribute("href");
                    }
                    else if (imageSrc is null && rel.Equals("image_src", StringComparison.OrdinalIgnoreCase))
                    {
                        imageSrc = element.GetAttribute("href");
                    }

                    break;
                case "title":
                    titleElement ??= element.TextContent;
                    break;
                case "html":
                    htmlLang ??= element.GetAttribute("lang") ?? element.GetAttribute("xml:lang");
                    break;
                case "time":
                    var datetime = element.GetAttribute("datetime");
                    if (string.IsNullOrWhiteSpace(datetime))
                    {
                        break;
                    }

                    var itemprop = element.GetAttribute("itemprop");
                    if (timePublished is null && (element.HasAttribute("pubdate") || string.Equals(itemprop, "datePublished", StringComparison.OrdinalIgnoreCase)))
                    {
                        timePublished = datetime;
                    }
                    else if (timeModified is null && string.Equals(itemprop, "dateModified", StringComparison.OrdinalIgnoreCase))
                    {
                        timeModified = datetime;
                    }

                    firstTime ??= datetime;
                    break;
                default:
                    break;
            }
        }

        var article = JsonLdReader.FindArticle(jsonLd);
        var siteName = Clean(meta.First("og:site_name") ?? article?.PublisherName ?? meta.First("application-name"));
        var title = Clean(meta.First("og:title") ?? article?.Headline ?? meta.First("twitter:title"))
            ?? TitleCleaner.Clean(titleElement, siteName);

        var published = DateParsing.Parse(meta.First("article:published_time"))
            ?? DateParsing.Parse(article?.DatePublished)
            ?? FirstDate(meta, "og:published_time", "published_time", "datepublished", "pubdate", "publishdate", "publish-date",
                "publish_date", "article.published", "article_date_original", "original-publish-date", "originalpublicationdate",
                "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
                "dcterms.created", "date", "cxenseparse:recs:publishtime", "article:published")
            ?? DateParsing.Parse(timePublished)
            ?? DateParsing.Parse(firstTime)
            ?? DateParsing.FromUrl(pageUrl);

        var updated = DateParsing.Parse(meta.First("article:modified_time"))
            ?? DateParsing.Parse(meta.First("og:updated_time"))
            ?? DateParsing.Parse(article?.DateModified)
            ?? FirstDate(meta, "datemodified", "modified_time", "last-modified", "lastmod", "article.updated", "dcterms.modified",
                "dc.date.modified", "parsely-updated", "article:modified")
            ?? DateParsing.Parse(timeModified);

        var authors = article?.Authors.Count > 0
            ? AuthorNames.Clean(article.Authors)
            : AuthorNames.Clean(meta.All("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "cxenseparse:author"));
        if (authors.Count == 0 && bylineFallback is not null)
        {
            authors = AuthorNames.Clean(bylineFallback());
        }

        return new PageMetadata(
            Title: title,
            Published: published,
            Updated: updated is { } u && published is { } p && u < p ? null : updated,
            Authors: authors,
            CanonicalUrl: Resolve(canonical, pageUrl) ?? Resolve(meta.First("og:url"), pageUrl) ?? Resolve(article?.Url, pageUrl),
            Language: Language(htmlLang ?? meta.First("content-language") ?? meta.First("language") ?? article?.Language ?? meta.First("og:locale")),
            SiteName: siteName,
            ImageUrl: Resolve(meta.First("og:image:secure_url") ?? meta.First("og:image") ?? meta.First("og:image:url")
                ?? meta.First("twitter:image") ?? meta.First("twitter:image:src") ?? article?.Image ?? imageSrc, pageUrl),
            Description: Clean(meta.First("og:description") ?? meta.First("description") ?? meta.First("twitter:description") ?? article?.Description));
    }

    private static DateTimeOffset? FirstDate(MetaTags meta, params string[] names)
    {
        foreach (var name in names)
        {
            if (DateParsing.Parse(meta.First(name)) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>Absolute http(s) URL, resolved against the page; anything else (javascript:, data:) is dropped.</summary>
    private static Uri? Resolve(string? value, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (value.StartsWith("//", StringComparison.Ordinal))
        {
            value = (baseUrl?.Scheme ?? "https") + ":" + value;
        }

        // Only a value with an explicit scheme is absolute: on Unix, Uri reads "/img/a.jpg" as a file path.
        var hasScheme = value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        Uri? result;
        if (hasScheme)
        {
            Uri.TryCreate(value, UriKind.Absolute, out result);
        }
        else if (baseUrl is null || value.Contains(':', StringComparison.Ordinal) && !value.StartsWith('/'))
        {
            // "javascript:", "data:", "mailto:": not a page address.
            return null;
        }
        else
        {
            Uri.TryCreate(baseUrl, value, out result);
        }

        return result is { Scheme: "http" or "https" } ? result : null;
    }

    /// <summary>"en_US" → "en-US"; blank and "*" values are treated as absent.</summary>
    private static string? Language(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var first = value.Split(',', ';')[0].Trim().Replace('_', '-');
        return first.Length is >= 2 and <= 20 && first != "*" ? first : null;
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : System.Net.WebUtility.HtmlDecode(Whitespace.Collapse(value));
}
