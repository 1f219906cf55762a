using NewsWatch.Assessment.Matching;
using NewsWatch.Assessment.Text;

namespace NewsWatch.Assessment.Relevance;

/// <summary>
/// Decides whether an article is about the watched business. Three questions, each measured from
/// where names and words sit (see <see cref="RelevanceFeatures"/>):
/// support — is enough said about the subject's business; focus — is what is said about the subject
/// about that business rather than its other ones; prominence — is the subject a main company of the
/// story rather than a comparison. Score = support × focus × prominence factor, each in 0..1.
/// </summary>
internal sealed class RelevanceScorer
{
    /// <summary>Topic mass at which support reaches 1 − 1/e ≈ 0.63; three weighted sentences give 0.78.</summary>
    private const double SupportScale = 2;

    /// <summary>A passing mention can at most reach this prominence factor, far below any threshold worth using.</summary>
    private const double PassingMentionCap = 0.25;

    /// <summary>
    /// Under a headline about other companies the subject can at most halve the score: "China grants first L3
    /// approvals to Changan and Arcfox" with Xiaomi's crash and output in the body is their story, not Xiaomi's.
    /// </summary>
    private const double OtherHeadlineCap = 0.5;

    private const int MaxExamples = 3;

    private readonly double _threshold;

    public RelevanceScorer(double threshold) => _threshold = threshold;

    public static double ZoneWeight(TextZone zone) => zone switch
    {
        TextZone.Title => 3,
        TextZone.Lead => 2,
        _ => 1,
    };

    public static double Support(in RelevanceFeatures f) => 1 - Math.Exp(-f.TopicMass / SupportScale);

    /// <summary>
    /// Full when the subject is at least as prominent as any other company (co-main subjects count:
    /// "Xiaomi's SU7 outsells Tesla's Model 3"), falling linearly below that.
    /// </summary>
    public static double ProminenceFactor(in RelevanceFeatures f) =>
        Math.Min(f.IsPassingMention ? PassingMentionCap : f.OtherHeadline ? OtherHeadlineCap : 1, 2 * f.Prominence);

    public static double Score(in RelevanceFeatures f) => Support(f) * f.Focus * ProminenceFactor(f);

    public RelevanceResult Assess(AnalyzedText text)
    {
        var reasons = new List<AssessmentReason>();
        var f = Measure(text, reasons);
        var score = Score(f);
        var top = f.TopOther >= 0 ? text.Vocabulary.PartyNames[f.TopOther] : "none";
        reasons.Insert(0, new AssessmentReason(
            "relevance-score",
            FormattableString.Invariant(
                $"score {score:0.00} = support {Support(f):0.00} (topic {f.TopicMass:0.#}) x focus {f.Focus:0.00} (off-topic {f.OffTopicMass:0.#}) x prominence {ProminenceFactor(f):0.00} (subject {f.SubjectShare:0.#} vs {top} {f.TopOtherShare:0.#}{(f.IsPassingMention ? ", passing mention" : f.OtherHeadline ? ", headline about others" : "")}); threshold {_threshold:0.00}"),
            null));
        return new RelevanceResult(score >= _threshold, Math.Round(score, 4), reasons);
    }

    public static RelevanceFeatures Measure(AnalyzedText text, List<AssessmentReason>? reasons = null)
    {
        var partyCount = text.Vocabulary.PartyNames.Count;
        Span<double> shares = partyCount <= 128 ? stackalloc double[partyCount] : new double[partyCount];
        shares.Clear();
        Span<int> named = stackalloc int[8];
        double topic = 0, offTopic = 0;
        int subjectSentences = 0, topicExamples = 0, offExamples = 0;
        // Whether the first company the text names, in its title or lead, is the subject.
        bool? subjectLeads = null;
        bool titleNamesSubject = false, titleNamesOther = false;
        var regulators = text.Vocabulary.SubjectOptions.Regulators;
        for (var si = 0; si < text.Sentences.Count; si++)
        {
            var s = text.Sentences[si];
            var w = ZoneWeight(s.Zone);
            var subject = false;
            var business = false;
            var topical = false;
            var off = false;
            var epithet = false;
            var others = 0;
            var leads = false;
            for (var i = s.FirstMatch; i < s.MatchEnd; i++)
            {
                var info = text.Info(text.Matches[i]);
                switch (info.Kind)
                {
                    case TermKind.SubjectCompany or TermKind.SubjectPerson:
                        leads |= others == 0;
                        subject = true;
                        break;
                    case TermKind.SubjectBusiness or TermKind.SubjectProduct:
                        leads |= others == 0;
                        subject = business = topical = true;
                        break;
                    case TermKind.SubjectOtherProduct:
                        leads |= others == 0;
                        subject = off = true;
                        break;
                    case TermKind.Regulator when info.Ref >= 0 && info.Ref < regulators.Count && regulators[info.Ref].ImpliesBusiness:
                        topical = true;
                        break;
                    case TermKind.BusinessFraming:
                        business = topical = true;
                        break;
                    case TermKind.Topic:
                        topical = true;
                        break;
                    case TermKind.OffTopic:
                        off = true;
                        break;
                    case TermKind.SubjectEpithet:
                        epithet = true;
                        break;
                    case TermKind.OtherParty when others < named.Length && !named[..others].Contains(info.Ref):
                        named[others++] = info.Ref;
                        break;
                    default:
                        break;
                }
            }

            if (s.Zone == TextZone.Title)
            {
                titleNamesSubject |= subject || epithet;
                titleNamesOther |= others > 0;
            }

            var companies = others + (subject ? 1 : 0);
            foreach (var p in named[..others])
            {
                shares[p] += w / companies;
            }

            if (subject)
            {
                shares[AssessmentVocabulary.Subject] += w / companies;
                subjectSentences++;
            }

            if (subjectLeads is null && (subject || others > 0))
            {
                subjectLeads = leads && s.Zone != TextZone.Body;
            }

            // A sentence naming no company is about the company the text is about ("The company said..."), and so is
            // one that describes it where others are named ("The smartphone maker has sounded out carmakers such as Chery").
            var aboutSubject = subject || ((others == 0 || epithet) && text.InheritedParty[si] == AssessmentVocabulary.Subject);
            if (!aboutSubject)
            {
                continue;
            }

            if (topical)
            {
                topic += w * (business ? 2 : 1);
                AddExample(reasons, ref topicExamples, "subject-topic", "about the watched business", text, s);
            }
            else if (off)
            {
                offTopic += w;
                AddExample(reasons, ref offExamples, "subject-off-topic", "about the company's other business", text, s);
            }
        }

        var top = -1;
        for (var p = 1; p < partyCount; p++)
        {
            if (shares[p] > 0 && (top < 0 || shares[p] > shares[top]))
            {
                top = p;
            }
        }

        return new RelevanceFeatures(
            topic, offTopic, subjectSentences, shares[AssessmentVocabulary.Subject], top < 0 ? 0 : shares[top], top, subjectLeads == true,
            text.Sentences.Count, titleNamesOther && !titleNamesSubject);
    }

    private static void AddExample(
        List<AssessmentReason>? reasons, ref int count, string signal, string detail, AnalyzedText text, in AnalyzedSentence s)
    {
        if (reasons is not null && count++ < MaxExamples)
        {
            reasons.Add(new AssessmentReason(signal, $"{detail} ({s.Zone.ToString().ToLowerInvariant()})", text.SentenceString(s)));
        }
    }
}
