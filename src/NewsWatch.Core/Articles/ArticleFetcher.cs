using Microsoft.Extensions.Options;
using NewsWatch.Fetching;

namespace NewsWatch.Articles;

/// <summary>Downloads an article page and refuses what cannot be an article (a PDF, an image, a JSON API).</summary>
public sealed class ArticleFetcher(WebFetcher fetcher, IOptions<FetchOptions> options, TimeProvider time)
{
    private const string Accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";

    private static readonly HashSet<string> HtmlTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "application/xml", "text/xml", "text/plain",
    };

    public async Task<Article> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var doc = await fetcher.GetAsync(url, options.Value.MaxArticleBytes, Accept, cancellationToken: cancellationToken);
        if (doc.MediaType is { } type && !HtmlTypes.Contains(type))
        {
            throw new FetchException(url, $"content type '{type}' is not a web page", isTransient: false, doc.Status);
        }

        return new Article(url, doc.Url, doc.MediaType, doc.Charset, doc.Body, time.GetUtcNow());
    }
}
