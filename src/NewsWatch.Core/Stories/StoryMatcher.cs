using Microsoft.Extensions.Options;

namespace NewsWatch.Stories;

/// <summary>What to do with an article, given the stories of its window.</summary>
/// <param name="Story">The story to join or already joined; null to start a new one.</param>
/// <param name="AlreadyMember">True when the article is already one of <paramref name="Story"/>'s members (a redelivery).</param>
public sealed record StoryDecision(StoryState? Story, bool AlreadyMember, double Score);

/// <summary>
/// Scores an article against a story, precision first. A copy (shingle similarity at or above the threshold) joins
/// on that alone. A rewrite, in the same or another language, joins only with an anchor — a signal that names this
/// event rather than the company — and enough supporting evidence on top:
/// <list type="bullet">
/// <item>anchors: the same approval by a named regulator with the same status (a grant of one thing, such as one
/// model's listing, joins on that alone; a report naming the batch and one that does not are the same listing); a shared distinctive figure (30,931
/// recalled cars, not "$10 billion"); two shared round figures; the same approval status and the same main partner
/// (the first other company named); the same kind of news (a recall) about the same model; a similar headline; a
/// same-language rewrite's shared shingles;</item>
/// <item>vetoes: reports of different approvals by named regulators, and a different main partner, count against.</item>
/// </list>
/// The subject's own name and its usual vocabulary, which every article shares, count for nothing.
/// </summary>
public sealed class StoryMatcher
{
    private const double NamedEvent = 3;

    /// <summary>
    /// A grant by a named regulator of one thing (this company's investment approval, this model's listing) is one
    /// event within a window: every report of it joins on that alone, unless a veto (another company's news, other
    /// figures, another partner) speaks against it.
    /// </summary>
    private const double NamedGrant = 4.5;
    private const double UnnamedEvent = 1;
    private const double ConflictingEvent = -6;
    private const double DistinctiveQuantity = 3;
    private const double RoundQuantity = 1;
    private const double ExactFigure = 1.5;
    private const int ExactFigureDigits = 5;
    private const double EntityCap = 3;
    private const double OtherPartner = -3;
    private const double SamePartner = 2;
    private const double KindOfNewsAboutModel = 1.5;
    private const double OtherCompanysNews = -5;
    private const int ProminentEntities = 3;
    private const int SharedCast = 4;
    private const double SameCast = 2;
    private const double TitleWeight = 5;
    private const double ShingleWeight = 10;
    private const double RewriteSimilarity = 0.15;
    private const double SimilarTitle = 0.5;
    private const double RetoldHeadline = 0.8;
    private const int RetoldHeadlineWords = 5;

    private readonly StoryOptions _options;
    private readonly StoryLexicon _lexicon;
    private readonly StoryWindows _windows;

    public StoryMatcher(IOptions<StoryOptions> options, StoryLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _lexicon = lexicon;
        _windows = new StoryWindows(_options.Window);
    }

    public StoryWindows Windows => _windows;

    public StoryOptions Options => _options;

    public StoryDecision Decide(StoryArticle article, IEnumerable<StoryState> candidates)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(candidates);
        StoryState? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var story in candidates)
        {
            if (story.HasMember(article.Key))
            {
                return new StoryDecision(story, true, 0);
            }

            if (!_windows.InWindow(article.Published, story.Anchor))
            {
                continue;
            }

            var score = Score(article.Evidence, story);
            // Ties go to the lower id, so concurrent workers reading the same rows pick the same story.
            if (score > bestScore || (score == bestScore && best is not null && string.CompareOrdinal(story.Id, best.Id) < 0))
            {
                best = story;
                bestScore = score;
            }
        }

        return best is not null && bestScore >= _options.JoinScore ? new StoryDecision(best, false, bestScore) : new StoryDecision(null, false, 0);
    }

    /// <summary>Evidence that the article reports the story's event; below <see cref="StoryOptions.JoinScore"/> (or without an anchor: 0) it does not.</summary>
    public double Score(StoryEvidence article, StoryState story)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(story);
        var similarity = story.Signatures.Count == 0 || article.Signature.Count == 0
            ? 0
            : story.Signatures.Max(s => Jaccard(article.Signature, s));
        if (similarity >= _options.SimilarityThreshold)
        {
            return _options.JoinScore + (ShingleWeight * similarity);
        }

        var score = ShingleWeight * similarity;
        var anchored = similarity >= RewriteSimilarity;

        var events = story.Summary.EventKeys;
        var sharedEvents = article.EventKeys.Where(k => events.Any(e => Compatible(k, e))).ToList();
        var namedEvents = sharedEvents.Where(k => IsNamedEvent(k) && events.Any(e => SameEvent(k, e))).ToList();
        var named = namedEvents.Count > 0;
        if (named)
        {
            score += namedEvents.Any(IsGrant) ? NamedGrant : NamedEvent;
            anchored = true;
        }
        else if (sharedEvents.Count > 0)
        {
            score += UnnamedEvent;
        }
        else if (article.EventKeys.Any(IsNamedEvent) && events.Any(IsNamedEvent))
        {
            score += ConflictingEvent;
        }

        // The same cast of other companies (Borgward, NIO, JAC, XPeng...) retold around one piece of news.
        var eventsAgree = sharedEvents.Count > 0 || (article.EventKeys.Count == 0 && events.Count == 0);
        var cast = eventsAgree && article.Entities.Count(e => e.StartsWith(StoryLexicon.PartyPrefix, StringComparison.Ordinal)
            && story.Entities.Contains(e, StringComparer.Ordinal)) >= SharedCast;
        if (cast)
        {
            score += SameCast;
            anchored = true;
        }

        var quantities = article.Quantities.Where(q => story.Quantities.Contains(q, StringComparer.Ordinal)).ToList();
        var distinctive = quantities.Count(Quantities.IsDistinctive);
        var round = quantities.Count - distinctive;
        score += (DistinctiveQuantity * Math.Min(2, distinctive)) + (RoundQuantity * Math.Min(2, round));
        if (quantities.Any(q => Quantities.SignificantDigits(q) >= ExactFigureDigits))
        {
            // 116,887 recalled cars: a figure that exact is not repeated by another event.
            score += ExactFigure;
        }

        anchored |= distinctive > 0 || round >= 3 || (round == 2 && sharedEvents.Count > 0);
        // "30,931 cars recalled" and "116,887 cars recalled": the same headline about different events, so a headline
        // match counts only where the figures do not disagree.
        var otherFigures = distinctive == 0 && article.Quantities.Any(Quantities.IsDistinctive) && story.Quantities.Any(Quantities.IsDistinctive);


        var entities = article.Entities.Where(e => story.Entities.Contains(e, StringComparer.Ordinal)).ToList();
        if (article.Entities.Contains(StoryLexicon.SubjectEntity) != story.Entities.Contains(StoryLexicon.SubjectEntity))
        {
            // One names the watched company and the other does not: another company's news, or a passing mention.
            score += OtherCompanysNews;
        }

        score += Math.Min(EntityCap, entities.Sum(_lexicon.Weight));
        if (MainPartner(article.Entities) is { } partner)
        {
            var partners = story.Partners;
            if (partners.Contains(partner, StringComparer.Ordinal))
            {
                score += SamePartner;
                anchored |= sharedEvents.Count > 0 || entities.Any(e => e.StartsWith(StoryLexicon.RegulatorPrefix, StringComparison.Ordinal));
            }
            else if (partners.Count > 0 && !named && !cast)
            {
                // Other companies are context in a report of a named approval; otherwise they say whose news it is.
                score += OtherPartner;
            }
        }

        if (entities.Any(e => e.StartsWith(StoryLexicon.KindPrefix, StringComparison.Ordinal) && _lexicon.Weight(e) >= 1
                && article.Entities.Take(ProminentEntities).Contains(e, StringComparer.Ordinal))
            && entities.Any(e => e.StartsWith(StoryLexicon.ProductPrefix, StringComparison.Ordinal)))
        {
            score += KindOfNewsAboutModel;
            anchored = true;
        }

        if (otherFigures)
        {
            return anchored ? score : Math.Min(score, 0);
        }

        var title = Overlap(article.TitleWords, story.TitleWords);
        score += TitleWeight * title;
        anchored |= title >= SimilarTitle;

        // A rewrite retells the original's headline in its lead, and the other way round.
        var retold = Math.Max(Retold(article.TitleWords, story.LeadWords), Retold(story.TitleWords, article.LeadWords));
        if (retold >= RetoldHeadline)
        {
            score += TitleWeight * retold;
            anchored = true;
        }
        return anchored ? score : Math.Min(score, 0);
    }

    /// <summary>The first other company the article names: whose deal or plant the news is about, when it is about one.</summary>
    public static string? MainPartner(IReadOnlyList<string> entities) =>
        entities.FirstOrDefault(e => e.StartsWith(StoryLexicon.PartyPrefix, StringComparison.Ordinal));

    /// <summary>
    /// Same event and status, or the same status where one report does not name the regulator: "approval pending" by
    /// an unnamed authority may be the NDRC approval another report names.
    /// </summary>
    private static bool Compatible(string a, string b)
    {
        if (SameEvent(a, b))
        {
            return true;
        }

        return Split(a).Status.Span.SequenceEqual(Split(b).Status.Span) && (!IsNamedEvent(a) || !IsNamedEvent(b));
    }

    /// <summary>
    /// The same event and status, where one report may say more: "listed in batch 377" and "listed in the catalogue"
    /// ("…|su7|batch-377" and "…|su7") are one listing.
    /// </summary>
    private static bool SameEvent(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        var (keyA, statusA) = Split(a);
        var (keyB, statusB) = Split(b);
        return statusA.Span.SequenceEqual(statusB.Span) && (Refines(keyA, keyB) || Refines(keyB, keyA));

        static bool Refines(ReadOnlyMemory<char> longer, ReadOnlyMemory<char> shorter) =>
            longer.Length > shorter.Length && longer.Span.StartsWith(shorter.Span, StringComparison.Ordinal) && longer.Span[shorter.Length] == '|';
    }

    /// <summary>An evidence event key (<see cref="StoryEvidenceReader.EventKey"/>) split into the event and its status.</summary>
    private static (ReadOnlyMemory<char> Key, ReadOnlyMemory<char> Status) Split(string eventKey)
    {
        var at = eventKey.LastIndexOf('=');
        return at < 0 ? (eventKey.AsMemory(), ReadOnlyMemory<char>.Empty) : (eventKey.AsMemory(0, at), eventKey.AsMemory(at + 1));
    }

    private static readonly string GrantedSuffix = StoryEvidenceReader.EventKey("", NewsWatch.Assessment.ApprovalStatus.Granted);

    private static bool IsGrant(string eventKey) => eventKey.EndsWith(GrantedSuffix, StringComparison.Ordinal);

    private static bool IsNamedEvent(string eventKey) =>
        !eventKey.Contains("|" + NewsWatch.Assessment.ApprovalEvent.UnspecifiedRegulator + "|", StringComparison.OrdinalIgnoreCase);

    private static double Jaccard(IReadOnlyList<ulong> a, ulong[] b)
    {
        if (a.Count != b.Length || a.Count == 0)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < b.Length; i++)
        {
            equal += a[i] == b[i] ? 1 : 0;
        }

        return (double)equal / b.Length;
    }

    /// <summary>Share of a headline's words found in a lead; 0 for headlines too short to tell.</summary>
    private static double Retold(IReadOnlyList<string> headline, IReadOnlyList<string> lead) =>
        headline.Count < RetoldHeadlineWords || lead.Count == 0 ? 0 : (double)headline.Count(w => lead.Contains(w, StringComparer.Ordinal)) / headline.Count;

    /// <summary>Share of the article headline's words found in the story's headlines: a translated headline scores 0, a rewritten one about half.</summary>
    private static double Overlap(IReadOnlyList<string> article, IReadOnlyList<string> story)
    {
        if (article.Count == 0 || story.Count == 0)
        {
            return 0;
        }

        return (double)article.Count(w => story.Contains(w, StringComparer.Ordinal)) / article.Count;
    }
}
