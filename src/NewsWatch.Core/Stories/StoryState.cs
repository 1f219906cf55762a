namespace NewsWatch.Stories;

/// <summary>
/// A story as stored: what a reader sees (<see cref="Summary"/>) and what the next article is matched against — the
/// union of its members' entities, quantities, headline words and events, and the signatures of its first members.
/// Immutable: <see cref="Join"/> returns the next version, which a store writes guarded by the version it read.
/// </summary>
/// <param name="Anchor">Publication time of the first member: the story's window is centred on it.</param>
/// <param name="MemberKeys">Keys of all members (up to the source limit), so a redelivered article finds its story.</param>
public sealed record StoryState(
    StorySummary Summary,
    DateTimeOffset Anchor,
    IReadOnlyList<string> Entities,
    IReadOnlyList<string> Quantities,
    IReadOnlyList<string> TitleWords,
    IReadOnlyList<ulong[]> Signatures)
{
    /// <summary>Main partners (<see cref="StoryMatcher.MainPartner"/>) of its members.</summary>
    public IReadOnlyList<string> Partners { get; init; } = [];

    /// <summary>Lead words of its first members, for headline-in-lead matching.</summary>
    public IReadOnlyList<string> LeadWords { get; init; } = [];

    private const int MaxLeadWords = 320;

    public string Id => Summary.Id;

    public bool HasMember(string articleKey) => Summary.Sources.Any(s => string.Equals(s.ArticleKey, articleKey, StringComparison.Ordinal));

    public static StoryState Start(string storyId, StoryArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var e = article.Evidence;
        return new StoryState(
            new StorySummary(
                storyId, article.Title, article.Published, article.Published, Listed(article.Outlet), Listed(article.Language),
                [Source(article)], e.EventKeys, 1),
            article.Published,
            e.Entities,
            e.Quantities,
            e.TitleWords,
            e.Signature.Count > 0 ? [[.. e.Signature]] : [])
        {
            Partners = StoryMatcher.MainPartner(e.Entities) is { } p ? [p] : [],
            LeadWords = e.LeadWords,
        };
    }

    public StoryState Join(StoryArticle article, StoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(options);
        var e = article.Evidence;
        var s = Summary;
        var summary = s with
        {
            // The earliest report's headline names the story: later ones are retellings.
            Title = article.Published < s.FirstSeen && article.Title is not null ? article.Title : s.Title ?? article.Title,
            FirstSeen = article.Published < s.FirstSeen ? article.Published : s.FirstSeen,
            LastSeen = article.Published > s.LastSeen ? article.Published : s.LastSeen,
            Outlets = Union(s.Outlets, Listed(article.Outlet), int.MaxValue),
            Languages = Union(s.Languages, Listed(article.Language), int.MaxValue),
            Sources = s.Sources.Count < options.MaxSources ? [.. s.Sources, Source(article)] : s.Sources,
            EventKeys = Union(s.EventKeys, e.EventKeys, int.MaxValue),
            ArticleCount = s.ArticleCount + 1,
        };
        return this with
        {
            Summary = summary,
            Entities = Union(Entities, e.Entities, int.MaxValue),
            Quantities = Union(Quantities, e.Quantities, options.MaxQuantities),
            TitleWords = Union(TitleWords, e.TitleWords, 64),
            Partners = StoryMatcher.MainPartner(e.Entities) is { } p ? Union(Partners, [p], int.MaxValue) : Partners,
            LeadWords = Union(LeadWords, e.LeadWords, MaxLeadWords),
            Signatures = e.Signature.Count > 0 && Signatures.Count < options.MaxSignatures ? [.. Signatures, [.. e.Signature]] : Signatures,
        };
    }

    private static StorySource Source(StoryArticle a) => new(a.Key, a.Url, a.Title, a.Outlet, a.Language, a.Published);

    private static string[] Listed(string? value) => string.IsNullOrWhiteSpace(value) ? [] : [value];

    private static string[] Union(IReadOnlyList<string> existing, IReadOnlyList<string> added, int limit)
    {
        var result = new List<string>(existing);
        foreach (var value in added)
        {
            if (result.Count >= limit)
            {
                break;
            }

            if (!result.Contains(value, StringComparer.Ordinal))
            {
                result.Add(value);
            }
        }

        return [.. result];
    }
}
