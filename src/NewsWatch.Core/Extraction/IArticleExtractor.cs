using NewsWatch.Articles;

namespace NewsWatch.Extraction;

/// <summary>Turns a fetched page into its article: body text plus the metadata the pipeline stores.</summary>
public interface IArticleExtractor
{
    /// <exception cref="ExtractionException">The page is not HTML, is empty, binary or over the size cap.</exception>
    ArticleExtraction Extract(Article article);
}
