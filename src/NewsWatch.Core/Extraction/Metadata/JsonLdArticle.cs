namespace NewsWatch.Extraction.Metadata;

/// <summary>The fields of a schema.org Article (or NewsArticle, BlogPosting...) found in JSON-LD.</summary>
internal sealed class JsonLdArticle
{
    public string? Headline { get; set; }

    public string? DatePublished { get; set; }

    public string? DateModified { get; set; }

    public List<string> Authors { get; } = [];

    public string? PublisherName { get; set; }

    public string? Image { get; set; }

    public string? Language { get; set; }

    public string? Url { get; set; }

    public string? Description { get; set; }

    public string? ArticleBody { get; set; }
}
