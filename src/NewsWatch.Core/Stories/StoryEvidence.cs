namespace NewsWatch.Stories;

/// <summary>
/// What one article says that tells its news event from others: the approval events the assessment found
/// ("xiaomi-ev|NDRC|investment-approval=granted"), the named things, the quantities, the headline's words and the
/// shingle signature of its text.
/// </summary>
/// <param name="EventKeys">Approval event key and status, "key=status", primary event first.</param>
/// <param name="Entities">Entity ids from <see cref="StoryLexicon"/>.</param>
/// <param name="Quantities">Values from <see cref="Stories.Quantities"/>.</param>
/// <param name="TitleWords">Folded headline words of three letters or more (Han: character pairs).</param>
/// <param name="Signature">MinHash minima of the text's shingles; empty when the text is too short to compare.</param>
public sealed record StoryEvidence(
    IReadOnlyList<string> EventKeys,
    IReadOnlyList<string> Entities,
    IReadOnlyList<string> Quantities,
    IReadOnlyList<string> TitleWords,
    IReadOnlyList<ulong> Signature)
{
    /// <summary>Folded words of the lead, so another report's headline can be found in it (a same-language rewrite retells the headline).</summary>
    public IReadOnlyList<string> LeadWords { get; init; } = [];
}

/// <summary>An article as the story index sees it.</summary>
/// <param name="Key">Article key (stable per canonical address).</param>
/// <param name="Published">Publication time, or when it was seen when the page does not say: the story window is measured on it.</param>
/// <param name="Outlet">Site name or host.</param>
public sealed record StoryArticle(
    string Key,
    Uri? Url,
    string? Title,
    string? Outlet,
    string? Language,
    DateTimeOffset Published,
    StoryEvidence Evidence);
