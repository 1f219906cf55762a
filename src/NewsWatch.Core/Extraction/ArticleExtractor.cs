using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;
using NewsWatch.Articles;
using NewsWatch.Extraction.Content;
using NewsWatch.Extraction.Decoding;
using NewsWatch.Extraction.Metadata;

namespace NewsWatch.Extraction;

/// <summary>
/// Extracts the article from a fetched page: guards and decodes the bytes, parses once with
/// AngleSharp, flattens the DOM, then reads metadata and article text from that one structure.
/// Thread-safe: every call builds its own parser (AngleSharp recommends one browsing context per
/// concurrent parse, and constructing one costs microseconds next to a parse's milliseconds).
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        // Comments carry no article text, and tracking positions only serves error reporting.
        SkipComments = true,
        DisableElementPositionTracking = true,

        // Script and style bodies are never read (JSON-LD is found before parsing, see JsonLdScanner);
        // not building them as DOM strings, nor the dozens of attributes we never look at, makes the
        // parse itself about 40% faster.
        SkipScriptText = true,
        SkipRawText = true,
        ShouldEmitAttribute = AttributeFilter.ShouldEmit,
    };

    private readonly ExtractionOptions _options;

    /// <summary>An extractor with default options.</summary>
    public ArticleExtractor()
        : this(Options.Create(new ExtractionOptions()))
    {
    }

    public ArticleExtractor(IOptions<ExtractionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    public ArticleExtraction Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        ContentGuard.EnsureExtractable(article.Body, article.MediaType, _options.MaxBodyBytes);
        var decoded = HtmlDecoder.Decode(article.Body, article.Charset);
        return ExtractDecoded(decoded.Html, article.Url) with
        {
            Encoding = decoded.Encoding.WebName,
            EncodingSource = decoded.Source,
        };
    }

    /// <summary>Extracts from already-decoded HTML (tests, tools); <paramref name="url"/> resolves relative links.</summary>
    /// <exception cref="ExtractionException">The text is longer than the size cap allows.</exception>
    public ArticleExtraction ExtractHtml(string html, Uri? url)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.Length > _options.MaxBodyBytes)
        {
            throw new ExtractionException(
                ExtractionFailure.TooLarge,
                $"page is {html.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters, over the extraction limit");
        }

        return ExtractDecoded(html, url) with { EncodingSource = EncodingSource.Caller, Encoding = "utf-16" };
    }

    private ArticleExtraction ExtractDecoded(string html, Uri? url)
    {
        NestingGuard.EnsureShallowEnough(html, _options.MaxNestingDepth);
        var jsonLd = JsonLdScanner.FindBlocks(html);
        var parser = new HtmlParser(ParserOptions);
        using var document = parser.ParseDocument(html);
        using var tree = PageTreeBuilder.Build(document);
        var metadata = MetadataReader.Read(tree.MetadataElements, jsonLd, url, () => BylineFinder.Find(tree));
        var paragraphs = _options.ExtractText ? ContentExtractor.ExtractParagraphs(tree, metadata.Title) : [];
        var text = string.Join("\n\n", paragraphs);
        return new ArticleExtraction
        {
            Title = metadata.Title,
            Text = text,
            Published = metadata.Published,
            Updated = metadata.Updated,
            Authors = metadata.Authors,
            CanonicalUrl = metadata.CanonicalUrl,
            Language = metadata.Language,
            SiteName = metadata.SiteName,
            ImageUrl = metadata.ImageUrl,
            Description = metadata.Description,
            WordCount = TextStatistics.CountWords(text),
            ParagraphCount = paragraphs.Count,
        };
    }
}
