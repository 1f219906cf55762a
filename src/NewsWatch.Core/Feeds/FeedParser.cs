using System.Xml;
using System.Xml.Linq;
using NewsWatch.Articles;

namespace NewsWatch.Feeds;

/// <summary>
/// Reads RSS 2.0 (and its 0.9x/1.0 relatives) and Atom 1.0 with System.Xml. DTDs are ignored and no
/// external entity is ever resolved: a feed is untrusted input from the internet.
/// </summary>
public sealed class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>Largest feed document accepted, in characters; real feeds are well under 5 MB.</summary>
    public const long MaxCharacters = 20_000_000;

    private readonly XmlReaderSettings _settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        Async = false,
    };

    public IReadOnlyList<FeedItem> Parse(string feedId, Uri feedUrl, Stream xml)
    {
        ArgumentNullException.ThrowIfNull(feedUrl);

        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(xml, _settings);
            doc = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException(
                $"Feed '{feedId}' at {feedUrl} is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", ex);
        }

        var root = doc.Root ?? throw new FeedFormatException($"Feed '{feedId}' at {feedUrl} is an empty XML document.");
        return root.Name.LocalName switch
        {
            "rss" => ParseRss(feedId, feedUrl, root.Element("channel")?.Elements("item") ?? []),
            "RDF" => ParseRss(feedId, feedUrl, root.Elements(Rss10 + "item").Concat(root.Elements("item"))),
            "feed" when root.Name.Namespace == Atom => ParseAtom(feedId, feedUrl, root),
            _ => throw new FeedFormatException(
                $"Feed '{feedId}' at {feedUrl} has root element <{root.Name.LocalName}>; expected RSS (<rss>, <rdf:RDF>) or Atom (<feed>)."),
        };
    }

    private static List<FeedItem> ParseRss(string feedId, Uri feedUrl, IEnumerable<XElement> items)
    {
        var result = new List<FeedItem>();
        foreach (var item in items)
        {
            var ns = item.Name.Namespace;
            var link = Text(item.Element(ns + "link"));
            var guid = item.Element(ns + "guid");
            var guidIsLink = guid is not null
                && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
            link ??= guidIsLink ? Text(guid) : null;
            if (ResolveLink(feedUrl, link) is not { } uri)
            {
                continue; // An entry without a usable link has no article to fetch.
            }

            var id = Text(guid) ?? Text(item.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"))) ?? uri.AbsoluteUri;
            var published = FeedDates.Parse(Text(item.Element(ns + "pubDate")) ?? Text(item.Element(Dc + "date")));
            var summary = Text(item.Element(ns + "description")) ?? Text(item.Element(Content + "encoded"));
            result.Add(Item(feedId, id, uri, Text(item.Element(ns + "title")), published, summary));
        }

        return result;
    }

    private static List<FeedItem> ParseAtom(string feedId, Uri feedUrl, XElement feed)
    {
        var result = new List<FeedItem>();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            var links = entry.Elements(Atom + "link").ToList();
            var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
            if (ResolveLink(feedUrl, Text(alternate?.Attribute("href"))) is not { } uri)
            {
                continue;
            }

            var id = Text(entry.Element(Atom + "id")) ?? uri.AbsoluteUri;
            var published = FeedDates.Parse(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated")));
            var summary = Text(entry.Element(Atom + "summary")) ?? Text(entry.Element(Atom + "content"));
            result.Add(Item(feedId, id, uri, Text(entry.Element(Atom + "title")), published, summary));
        }

        return result;
    }

    /// <summary>
    /// Any link to a location (<c>scheme://…</c>) is kept, whatever its scheme: the fetcher refuses all but http and
    /// https, and the refusal is stored with the article, so an operator sees a feed that links to <c>file:</c> or
    /// <c>ftp:</c> instead of the item vanishing. <c>javascript:</c>, <c>mailto:</c> and <c>data:</c> are no article.
    /// </summary>
    private static FeedItem Item(string feedId, string id, Uri link, string? title, DateTimeOffset? published, string? summary) =>
        new(
            feedId, TextLimits.Clip(id, TextLimits.MaxItemIdChars)!, link, TextLimits.Clip(title, TextLimits.MaxTitleChars),
            published, TextLimits.Clip(summary, TextLimits.MaxSummaryChars));

    private static Uri? ResolveLink(Uri feedUrl, string? link) =>
        link is { Length: <= TextLimits.MaxUrlChars }
        && Uri.TryCreate(feedUrl, link, out var uri)
        && uri.AbsoluteUri.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase)
            ? uri
            : null;

    private static string? Text(XObject? node)
    {
        var value = node switch
        {
            XElement e => e.Value,
            XAttribute a => a.Value,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
