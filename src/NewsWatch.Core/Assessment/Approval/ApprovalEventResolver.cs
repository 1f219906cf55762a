using System.Globalization;
using NewsWatch.Assessment.Matching;

namespace NewsWatch.Assessment.Approval;

/// <summary>
/// Turns an article's approval statements into events, one per (regulator, kind).
/// <list type="bullet">
/// <item>A grant told as backstory (past perfect) is not news and is dropped.</item>
/// <item>A statement that names no regulator belongs to the regulator named nearest to it in the
/// article ("China gives green light" in a headline over a story about the NDRC); with no regulator
/// named anywhere it stays "unspecified".</item>
/// <item>Conflicting statements about one approval are weighed: title 3, lead 2, body 1, half for
/// backstory, ×1.5 when the sentence names both subject and regulator. Granted needs strictly more
/// weight than pending and refused together; a tie is pending, because reporting a grant that did not
/// happen is the costlier mistake. So a single body sentence claiming a grant does not overturn a
/// headline and lead saying the approval is still being fought for.</item>
/// </list>
/// </summary>
internal static class ApprovalEventResolver
{
    private const int MaxClaimReasons = 6;

    public static List<ApprovalEvent> Resolve(AnalyzedText text, List<ApprovalClaim> claims, List<AssessmentReason> reasons)
    {
        var subject = text.Vocabulary.SubjectOptions;
        var regulatorSentences = RegulatorMentions(text);
        var groups = new Dictionary<(int Regulator, string Kind), List<ApprovalClaim>>();
        foreach (var claim in claims)
        {
            if (claim.Status == ApprovalStatus.Granted && claim.IsBackground)
            {
                reasons.Add(new AssessmentReason("approval-background", $"grant '{claim.Cue}' told as backstory, not news", text.SentenceString(text.Sentences[claim.Sentence])));
                continue;
            }

            var regulator = claim.Regulator >= 0 ? claim.Regulator : NearestRegulator(regulatorSentences, claim.Sentence);
            var kind = KindOf(subject, regulator, claim);
            if (!groups.TryGetValue((regulator, kind), out var list))
            {
                groups[(regulator, kind)] = list = [];
            }

            list.Add(claim);
        }

        var events = new List<(ApprovalEvent Event, double Weight)>();
        foreach (var ((regulator, kind), list) in groups)
        {
            var code = regulator >= 0 ? subject.Regulators[regulator].Code : ApprovalEvent.UnspecifiedRegulator;
            events.Add(Decide(text, subject.Key, code, kind, list));
        }

        return
        [
            .. events
                .OrderBy(e => e.Event.Status switch { ApprovalStatus.Granted => 0, ApprovalStatus.Denied => 1, _ => 2 })
                .ThenByDescending(e => e.Weight)
                .Select(e => e.Event),
        ];
    }

    private static (ApprovalEvent Event, double Weight) Decide(
        AnalyzedText text, string subjectKey, string regulator, string kind, List<ApprovalClaim> claims)
    {
        double granted = 0, pending = 0, denied = 0;
        foreach (var c in claims)
        {
            switch (c.Status)
            {
                case ApprovalStatus.Granted: granted += c.Weight; break;
                case ApprovalStatus.Denied: denied += c.Weight; break;
                default: pending += c.Weight; break;
            }
        }

        var status = granted > pending + denied ? ApprovalStatus.Granted
            : denied > pending ? ApprovalStatus.Denied
            : ApprovalStatus.Pending;

        var reasons = new List<AssessmentReason>();
        foreach (var c in claims.OrderByDescending(c => c.Weight).Take(MaxClaimReasons))
        {
            reasons.Add(new AssessmentReason(
                $"approval-{c.Status.ToString().ToLowerInvariant()}",
                string.Create(CultureInfo.InvariantCulture, $"'{c.Anchor}' with '{c.Cue}' ({c.Zone.ToString().ToLowerInvariant()}, weight {c.Weight:0.##}{(c.IsHedged ? ", attributed to sources" : "")}{(c.IsBackground ? ", backstory" : "")}{(c.Regulator < 0 ? ", regulator from context" : "")})"),
                text.SentenceString(text.Sentences[c.Sentence])));
        }

        if (claims.Any(c => c.Status != status))
        {
            reasons.Add(new AssessmentReason(
                "approval-conflict",
                string.Create(CultureInfo.InvariantCulture, $"weighed granted {granted:0.##} against pending {pending:0.##} and refused {denied:0.##}: {status.ToString().ToLowerInvariant()}"),
                null));
        }

        var evidence = claims.Where(c => c.Status == status).MaxBy(c => c.Weight);
        return (new ApprovalEvent(
            ApprovalEventKey.Create(subjectKey, regulator, kind),
            subjectKey,
            regulator,
            kind,
            status,
            text.SentenceString(text.Sentences[evidence.Sentence]),
            reasons), granted + pending + denied);
    }

    private static string KindOf(WatchSubjectOptions subject, int regulator, in ApprovalClaim claim)
    {
        if (regulator < 0)
        {
            return subject.UnspecifiedApprovalKind;
        }

        var options = subject.Regulators[regulator];
        foreach (var packed in claim.KindCues)
        {
            if (packed >> 8 == regulator)
            {
                return options.Kinds[packed & 0xFF].Name;
            }
        }

        return options.DefaultKind;
    }

    private static List<(int Sentence, int Regulator)> RegulatorMentions(AnalyzedText text)
    {
        var mentions = new List<(int, int)>();
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            var sentence = text.Sentences[s];
            for (var i = sentence.FirstMatch; i < sentence.MatchEnd; i++)
            {
                var info = text.Info(text.Matches[i]);
                if (info.Kind == TermKind.Regulator)
                {
                    mentions.Add((s, info.Ref));
                }
            }
        }

        return mentions;
    }

    private static int NearestRegulator(List<(int Sentence, int Regulator)> mentions, int sentence)
    {
        int best = -1, bestDistance = int.MaxValue;
        foreach (var (s, regulator) in mentions)
        {
            var distance = Math.Abs(s - sentence);
            if (distance < bestDistance)
            {
                best = regulator;
                bestDistance = distance;
            }
        }

        return best;
    }
}
