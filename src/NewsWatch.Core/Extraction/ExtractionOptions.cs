namespace NewsWatch.Extraction;

/// <summary>Limits and switches for the extraction stage (configuration section "NewsWatch:Extraction").</summary>
public sealed class ExtractionOptions
{
    /// <summary>Where the composition root binds these options from.</summary>
    public const string SectionName = "NewsWatch:Extraction";

    /// <summary>
    /// Largest body accepted. News pages are rarely above 3 MB even with inline JSON; a bigger body is
    /// almost always a feed dump or a binary mislabelled as HTML, and parsing it costs seconds and
    /// hundreds of megabytes, so it is refused instead.
    /// </summary>
    public int MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Deepest element nesting accepted. Real pages stay under 100; a parser's work grows with the square of the
    /// depth, so a page built to be deep is refused instead of holding a worker for a minute.
    /// </summary>
    public int MaxNestingDepth { get; set; } = 1_000;

    /// <summary>Extract the article text (the metadata is always read). Off for callers that only need metadata.</summary>
    public bool ExtractText { get; set; } = true;
}
