using NewsWatch.Assessment.Matching;
using NewsWatch.Assessment.Text;

namespace NewsWatch.Assessment;

/// <summary>A sentence with its zone and the range of its term matches in <see cref="AnalyzedText.Matches"/>.</summary>
internal readonly record struct AnalyzedSentence(int Start, int End, int Paragraph, TextZone Zone, int FirstMatch, int MatchCount)
{
    public int MatchEnd => FirstMatch + MatchCount;
}

/// <summary>
/// An article split into sentences with every vocabulary match, computed once and read by both the
/// relevance scorer and the approval detector.
/// </summary>
internal sealed class AnalyzedText
{
    /// <summary>Sentences after the title that count as the lead; shorter fragments (captions, datelines) do not count.</summary>
    public const int LeadSentences = 2;

    private const int MinLeadTokens = 4;
    private const int MaxHeadlineLength = 160;

    /// <summary>Tokens between a name and its exclusion cue: a particle or a verb ("샤오미는 빠져", "Xiaomi ist nicht dabei").</summary>
    private const int MaxExclusionGapTokens = 2;

    private AnalyzedText(string text, AssessmentVocabulary vocabulary, List<AnalyzedSentence> sentences, List<TermMatch> matches)
    {
        Text = text;
        Vocabulary = vocabulary;
        Sentences = sentences;
        Matches = matches;
        InheritedParty = DiscourseTopics.Inherited(text, sentences, matches, vocabulary);
    }

    public string Text { get; }

    public AssessmentVocabulary Vocabulary { get; }

    public IReadOnlyList<AnalyzedSentence> Sentences { get; }

    public IReadOnlyList<TermMatch> Matches { get; }

    /// <summary>Per sentence, the company its references without a name point to, or -1 (see <see cref="DiscourseTopics"/>).</summary>
    public IReadOnlyList<int> InheritedParty { get; }

    public string SentenceString(in AnalyzedSentence s) => Text.Substring(s.Start, s.End - s.Start);

    public ref readonly TermInfo Info(in TermMatch m) => ref Vocabulary[m.TermId];

    /// <summary>Whether sentence <paramref name="s"/> holds a term of <paramref name="kind"/>.</summary>
    public bool Holds(in AnalyzedSentence s, TermKind kind)
    {
        for (var i = s.FirstMatch; i < s.MatchEnd; i++)
        {
            if (Info(Matches[i]).Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any sentence holds a term of <paramref name="kind"/>.</summary>
    public bool Any(TermKind kind)
    {
        foreach (var m in Matches)
        {
            if (Info(m).Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Analyses <paramref name="title"/> and <paramref name="body"/>. Without a title, a short first line
    /// that does not end like a sentence is taken as the headline. With a known <paramref name="language"/>,
    /// cues of other languages are not read (Portuguese "no catálogo" is "in the catalogue", not the English
    /// "no"); words that state an approval are read in every language, as articles quote wire copy and tweets.
    /// </summary>
    public static AnalyzedText Analyze(string? title, string body, AssessmentVocabulary vocabulary, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = string.IsNullOrWhiteSpace(title) ? body : string.Concat(title.Trim(), "\n", body);
        var titleEnd = string.IsNullOrWhiteSpace(title) ? HeadlineEnd(body) : title.Trim().Length;

        var spans = new List<SentenceSpan>();
        SentenceSegmenter.Split(text, spans);
        var matches = new List<TermMatch>(64);
        vocabulary.Matcher.FindAll(text, matches);
        var mask = vocabulary.LanguageMask(language);
        if (mask != 0)
        {
            matches.RemoveAll(m => vocabulary[m.TermId] is var info && info.Languages != 0 && (info.Languages & mask) == 0
                && !info.Kind.IsApprovalAnchor() && info.Kind != TermKind.TransferVerb);
        }

        RemoveSynonymousDuplicates(matches, vocabulary);
        RemoveExcludedParties(text, matches, vocabulary);

        var sentences = new List<AnalyzedSentence>(spans.Count);
        var m = 0;
        var leadCount = 0;
        foreach (var span in spans)
        {
            while (m < matches.Count && matches[m].Start < span.Start)
            {
                m++;
            }

            var first = m;
            while (m < matches.Count && matches[m].End <= span.End)
            {
                m++;
            }

            TextZone zone;
            if (span.End <= titleEnd)
            {
                zone = TextZone.Title;
            }
            else if (leadCount < LeadSentences)
            {
                zone = TextZone.Lead;
                if (Scripts.CountTokens(text.AsSpan(span.Start, span.Length)) >= MinLeadTokens)
                {
                    leadCount++;
                }
            }
            else
            {
                zone = TextZone.Body;
            }

            sentences.Add(new AnalyzedSentence(span.Start, span.End, span.Paragraph, zone, first, m - first));
        }

        return new AnalyzedText(text, vocabulary, sentences, matches);
    }

    /// <summary>
    /// Two vocabulary entries can match the same words with the same meaning ("licence" listed for
    /// English and "licence*" for French); keep one, so the words count once.
    /// </summary>
    private static void RemoveSynonymousDuplicates(List<TermMatch> matches, AssessmentVocabulary vocabulary)
    {
        var write = 0;
        for (var read = 0; read < matches.Count; read++)
        {
            var m = matches[read];
            var duplicate = false;
            for (var k = write - 1; k >= 0 && matches[k].Start == m.Start; k--)
            {
                if (matches[k].End == m.End && vocabulary[matches[k].TermId].Kind == vocabulary[m.TermId].Kind
                    && vocabulary[matches[k].TermId].Ref == vocabulary[m.TermId].Ref)
                {
                    duplicate = true;
                    break;
                }
            }

            if (!duplicate)
            {
                matches[write++] = m;
            }
        }

        matches.RemoveRange(write, matches.Count - write);
    }

    /// <summary>
    /// A company's name next to an exclusion cue names no party: "…, and Xiaomi isn't one of them" (cue after the
    /// name) and "registered to Xiaomi, not BAIC" (cue before it) leave that company out of what the sentence reports.
    /// </summary>
    private static void RemoveExcludedParties(string text, List<TermMatch> matches, AssessmentVocabulary vocabulary)
    {
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            var cue = vocabulary[matches[i].TermId];
            if (cue.Kind != TermKind.ExclusionCue)
            {
                continue;
            }

            var party = cue.Scope == CueScope.Left ? i - 1 : i + 1;
            if (party >= 0 && party < matches.Count && vocabulary[matches[party].TermId].Kind.IsParty()
                && Gap(matches[Math.Min(i, party)], matches[Math.Max(i, party)]) is { } gap
                && Scripts.CountTokens(text.AsSpan(gap.Start, gap.Length)) <= MaxExclusionGapTokens)
            {
                matches.RemoveAt(party);
                if (party < i)
                {
                    i--;
                }
            }
        }

        static (int Start, int Length)? Gap(in TermMatch first, in TermMatch second) =>
            first.End <= second.Start ? (first.End, second.Start - first.End) : null;
    }

    private static int HeadlineEnd(string body)
    {
        var start = 0;
        while (start < body.Length && char.IsWhiteSpace(body[start]))
        {
            start++;
        }

        var end = body.IndexOf('\n', start);
        if (end < 0)
        {
            return 0;
        }

        var line = body.AsSpan(start, end - start).TrimEnd();
        var endsLikeSentence = line.Length > 0 && line[^1] is '.' or '。' or '!' or '?' or '！' or '？' or ':' or ',' or '，';
        return line.Length is > 0 and <= MaxHeadlineLength && !endsLikeSentence && Scripts.CountTokens(line) >= 3
            ? start + line.Length
            : 0;
    }
}
