using Microsoft.Extensions.Options;

namespace NewsWatch.Stories;

/// <summary>What to do with an article, given the stories of its window.</summary>
/// <param name="Story">The story to join or already joined; null to start a new one.</param>
/// <param name="AlreadyMember">True when the article is already one of <paramref name="Story"/>'s members (a redelivery).</param>
public sealed record StoryDecision(StoryState? Story, bool AlreadyMember, double Score);

/// <summary>
/// Scores an article against a story, precision first. A copy (shingle similarity at or above the threshold) joins
/// on that alone. A rewrite, in the same or another language, must collect evidence from several independent signals:
/// the same approval event (same key and status), the same distinctive quantities, the same partners, models and
/// regulators, a similar headline. Reports of different approvals of the same company count against each other, so
/// that the subject's name and its usual vocabulary, which every article shares, never group two events.
/// </summary>
public sealed class StoryMatcher
{
    private const double SharedEvent = 2.5;
    private const double ConflictingEvent = -4;
    private const double PerQuantity = 2;
    private const int QuantitiesCounted = 3;
    private const double EntityCap = 3;
    private const double TitleWeight = 5;

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
            // Ties go to the older story, so concurrent workers reading the same rows pick the same one.
            if (score > bestScore || (score == bestScore && best is not null && string.CompareOrdinal(story.Id, best.Id) < 0))
            {
                best = story;
                bestScore = score;
            }
        }

        return best is not null && bestScore >= _options.JoinScore ? new StoryDecision(best, false, bestScore) : new StoryDecision(null, false, 0);
    }

    public double Score(StoryEvidence article, StoryState story)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(story);
        var similarity = story.Signatures.Count == 0 || article.Signature.Count == 0
            ? 0
            : story.Signatures.Max(s => Jaccard(article.Signature, s));
        if (similarity >= _options.SimilarityThreshold)
        {
            return _options.JoinScore + (10 * similarity);
        }

        var score = 10 * similarity;
        var events = story.Summary.EventKeys;
        if (article.EventKeys.Count > 0 && events.Count > 0)
        {
            score += article.EventKeys.Any(k => events.Contains(k, StringComparer.Ordinal)) ? SharedEvent : ConflictingEvent;
        }

        score += PerQuantity * Math.Min(QuantitiesCounted, article.Quantities.Count(q => story.Quantities.Contains(q, StringComparer.Ordinal)));
        score += Math.Min(EntityCap, article.Entities.Where(e => story.Entities.Contains(e, StringComparer.Ordinal)).Sum(_lexicon.Weight));
        score += TitleWeight * Overlap(article.TitleWords, story.TitleWords);
        return score;
    }

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

    /// <summary>Share of the shorter headline's words found in the other: a translated headline scores 0, a rewritten one about half.</summary>
    private static double Overlap(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(w => b.Contains(w, StringComparer.Ordinal));
        return (double)shared / Math.Min(a.Count, b.Count);
    }
}
