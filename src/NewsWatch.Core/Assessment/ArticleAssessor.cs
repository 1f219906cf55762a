using Microsoft.Extensions.Options;
using NewsWatch.Assessment.Approval;
using NewsWatch.Assessment.Matching;
using NewsWatch.Assessment.Relevance;

namespace NewsWatch.Assessment;

/// <summary>Scores an extracted article for the watch subject and reports the approvals it announces.</summary>
public interface IArticleAssessor
{
    ArticleAssessment Assess(AssessmentInput input);
}

/// <summary>
/// The assessment stage: one pass of the compiled vocabulary over the text (linear in its length),
/// then relevance and approval rules over the matches. Thread-safe; build one per watch subject.
/// </summary>
public sealed class ArticleAssessor : IArticleAssessor
{
    private readonly AssessmentVocabulary _vocabulary;
    private readonly RelevanceScorer _relevance;

    public ArticleAssessor(IOptions<WatchSubjectOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Nothing configured (no "WatchSubject" section) means the default subject.
        var subject = options.Value.IsEmpty ? WatchSubjectOptions.XiaomiEv() : options.Value;
        if (string.IsNullOrWhiteSpace(subject.Key))
        {
            throw new OptionsValidationException(
                WatchSubjectOptions.SectionName, typeof(WatchSubjectOptions), ["WatchSubject:Key is required (e.g. \"xiaomi-ev\")"]);
        }

        _vocabulary = AssessmentVocabulary.Build(subject);
        _relevance = new RelevanceScorer(subject.RelevanceThreshold);
    }

    /// <summary>
    /// Drops the lines extraction drops ("Read more: …", "Leggi anche: …", "相关阅读：…"): text that reaches the
    /// assessor from elsewhere (a feed summary, a pasted excerpt) still carries them, and a teaser for another
    /// story says nothing about this one.
    /// </summary>
    private static string WithoutTeasers(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Split('\n');
        var kept = new List<string>(lines.Length);
        var inTeaserList = false;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                inTeaserList = false;
                kept.Add(line);
                continue;
            }

            // The items under a "Read also:" heading are teasers too ("— Xiaomi YU7: first impressions").
            if (inTeaserList && IsListItem(line))
            {
                continue;
            }

            if (Extraction.Content.BoilerplateText.IsJunk(line))
            {
                inTeaserList = line.TrimEnd() is [.., ':' or '：'];
                continue;
            }

            inTeaserList = false;
            kept.Add(line);
        }

        return kept.Count == lines.Length ? text : string.Join('\n', kept);
    }

    private static bool IsListItem(string line) => line.TrimStart() is [ '—' or '–' or '-' or '·' or '•' or '▶' or '▸' or '►' or '*', ..];

    /// <summary>An assessor for the default Xiaomi-EV subject.</summary>
    public static ArticleAssessor ForXiaomiEv() => new(Options.Create(WatchSubjectOptions.XiaomiEv()));

    public ArticleAssessment Assess(AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = AnalyzedText.Analyze(input.Title, WithoutTeasers(input.Text ?? ""), _vocabulary, input.Language);
        var relevance = _relevance.Assess(text);
        var notes = new List<AssessmentReason>();
        var claims = ApprovalClaimExtractor.Extract(text, relevance.IsRelevant, input.Published, notes);
        var events = ApprovalEventResolver.Resolve(text, claims, notes);
        return new ArticleAssessment(relevance, events) { ApprovalNotes = notes };
    }
}
