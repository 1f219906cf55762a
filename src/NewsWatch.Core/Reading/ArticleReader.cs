using NewsWatch.Articles;
using NewsWatch.Stories;

namespace NewsWatch.Reading;

/// <summary>One article in full: its text, extraction metadata, assessment with reasons, and its story.</summary>
public sealed record ArticleDetail(ArticleRecord Article, StorySummary? Story);

/// <summary>Answers "show me this article": a point read of the article row plus its story.</summary>
public sealed class ArticleReader(IArticleStore articles, IStoryCatalog stories)
{
    public async Task<ArticleDetail?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        // Keys are hex digests; anything else names no article and must not reach a storage URL.
        if (!IsKey(key))
        {
            return null;
        }

        var article = await articles.GetAsync(key, cancellationToken);
        if (article is null)
        {
            return null;
        }

        var story = article.StoryId is { } id ? await stories.GetAsync(id, cancellationToken) : null;
        return new ArticleDetail(article, story);
    }

    public static bool IsKey(string? key) => key is { Length: 32 } && key.All(char.IsAsciiHexDigitLower);
}
