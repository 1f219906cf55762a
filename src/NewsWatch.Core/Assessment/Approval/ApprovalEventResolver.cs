using System.Globalization;
using NewsWatch.Assessment.Matching;

namespace NewsWatch.Assessment.Approval;

/// <summary>
/// Turns an article's approval statements into events, one per (regulator, kind, model).
/// <list type="bullet">
/// <item>A grant told as backstory (past perfect) is not news and is dropped.</item>
/// <item>A statement that names no regulator belongs to the regulator named nearest to it in the
/// article ("China gives green light" in a headline over a story about the NDRC); with no regulator
/// named anywhere, the regulator whose kind of approval it names ("production qualification" is the
/// MIIT's), else "unspecified".</item>
/// <item>A per-model kind (catalogue listing) belongs to the model the sentence names, else the model the
/// headline names, else the first model of the article; with no model at all it is the regulator's
/// default kind.</item>
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

    /// <summary>Evidence weight at which a status is as sure as its share of the evidence allows (1 − e^(−w/2)).</summary>
    private const double ConfidenceScale = 2;

    public static List<ApprovalEvent> Resolve(AnalyzedText text, List<ApprovalClaim> claims, List<AssessmentReason> reasons)
    {
        var subject = text.Vocabulary.SubjectOptions;
        var regulatorSentences = Mentions(text, TermKind.Regulator, _ => true);
        var specificKindSentences = Mentions(
            text, TermKind.KindCue, r => r >= 0 && r < subject.Regulators.Count && subject.Regulators[r].KindsOutrankMentions);
        var articleModel = ArticleModel(text);
        var placed = new List<(ApprovalClaim Claim, int Regulator, int Kind, bool PerModel, bool FromCue)>();
        foreach (var claim in claims)
        {
            if (claim.IsBackground && (claim.Status == ApprovalStatus.Granted || claim.IsPast))
            {
                reasons.Add(new AssessmentReason("approval-background", $"{claim.Status.ToString().ToLowerInvariant()} '{claim.Cue}' told as backstory ({claim.Backstory ?? "background"}), not news", text.SentenceString(text.Sentences[claim.Sentence])));
                continue;
            }

            var regulator = claim.Regulator;
            if (regulator < 0)
            {
                var ofKind = RegulatorOfKindCue(claim);
                regulator = ofKind >= 0 && subject.Regulators[ofKind].KindsOutrankMentions
                    ? ofKind
                    : NearestRegulator(regulatorSentences, claim.Sentence, ofKind);
                if (regulator < 0)
                {
                    // Named nowhere: the nearest sentence naming a kind that only one regulator grants ("Munich
                    // plates" over "the registration allows test drives") names it.
                    regulator = ofKind >= 0 ? ofKind : NearestRegulator(specificKindSentences, claim.Sentence, -1);
                }
            }

            var (kind, perModel, fromCue) = KindOf(subject, regulator, claim, articleModel);
            placed.Add((claim, regulator, kind, perModel, fromCue));
        }

        // A statement that names no kind ("cleared for sale" in a headline) is about the kind the article's
        // other statements on that regulator name, nearest first; only with none is it the default kind.
        var groups = new Dictionary<(int Regulator, int Kind, int Model), List<ApprovalClaim>>();
        foreach (var (claim, regulator, ownKind, ownPerModel, fromCue) in placed)
        {
            var (kind, perModel) = (ownKind, ownPerModel);
            var cued = placed.Where(p => p.FromCue && p.Regulator == regulator).ToList();
            if (!fromCue && cued.Count > 0)
            {
                var nearest = cued.MinBy(p => Math.Abs(p.Claim.Sentence - claim.Sentence));
                (kind, perModel) = (nearest.Kind, nearest.PerModel);
            }

            var model = perModel ? (claim.Model >= 0 ? claim.Model : articleModel) : -1;
            if (!groups.TryGetValue((regulator, kind, model), out var list))
            {
                groups[(regulator, kind, model)] = list = [];
            }

            list.Add(claim);
        }

        var events = new List<(ApprovalEvent Event, double Weight)>();
        foreach (var ((regulator, kind, model), list) in groups)
        {
            events.Add(Decide(text, regulator, kind, model, list));
        }

        return
        [
            .. events
                .OrderBy(e => e.Event.Status switch { ApprovalStatus.Granted => 0, ApprovalStatus.Denied => 1, _ => 2 })
                .ThenByDescending(e => e.Weight)
                .Select(e => e.Event),
        ];
    }

    private static (ApprovalEvent Event, double Weight) Decide(AnalyzedText text, int regulator, int kind, int model, List<ApprovalClaim> claims)
    {
        var subject = text.Vocabulary.SubjectOptions;
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
                string.Create(CultureInfo.InvariantCulture, $"'{c.Anchor}' with '{c.Cue}' ({c.Zone.ToString().ToLowerInvariant()}, weight {c.Weight:0.##}{(c.IsHedged ? ", attributed to sources" : "")}{(c.IsBackground ? ", backstory: " + c.Backstory : "")}{(c.Regulator < 0 ? ", regulator from context" : "")}{(c.IsUnstated ? ", no word of the article states a grant, a wait or a refusal" : "")})"),
                text.SentenceString(text.Sentences[c.Sentence])));
        }

        if (claims.Any(c => c.Status != status))
        {
            reasons.Add(new AssessmentReason(
                "approval-conflict",
                string.Create(CultureInfo.InvariantCulture, $"weighed granted {granted:0.##} against pending {pending:0.##} and refused {denied:0.##}: {status.ToString().ToLowerInvariant()}"),
                null));
        }

        var total = granted + pending + denied;
        var agreeing = status switch { ApprovalStatus.Granted => granted, ApprovalStatus.Denied => denied, _ => pending };
        var confidence = total > 0 ? agreeing / total * (1 - Math.Exp(-agreeing / ConfidenceScale)) : 0;
        var evidence = claims.Where(c => c.Status == status).MaxBy(c => c.Weight);
        var code = regulator >= 0 ? subject.Regulators[regulator].Code : ApprovalEvent.UnspecifiedRegulator;
        var kindOptions = regulator >= 0 && kind >= 0 ? subject.Regulators[regulator].Kinds[kind] : null;
        var kindName = kindOptions?.Name ?? (regulator >= 0 ? subject.Regulators[regulator].DefaultKind : subject.UnspecifiedApprovalKind);
        var modelName = model >= 0 ? subject.Models[model].Name : null;
        var batch = kindOptions is null ? null : Batch(text, text.Vocabulary.BatchPatterns(regulator, kind), evidence.Sentence);
        return (new ApprovalEvent(
            ApprovalEventKey.Create(subject.Key, code, kindName, modelName, batch),
            subject.Key,
            code,
            kindName,
            status,
            text.SentenceString(text.Sentences[evidence.Sentence]),
            reasons)
        {
            Model = modelName,
            Batch = batch,
            Headline = ApprovalHeadline.For(subject, code, kindOptions, modelName, batch, status),
            Confidence = Math.Round(confidence, 2),
            LegacyKey = kindOptions is { PerModel: true } ? null : ApprovalEventKey.Legacy(subject.Key, code, kindName),
        }, total);
    }

    /// <summary>
    /// Kind index (-1: the regulator's default kind) and whether it is per model. The regulator's kind cue nearest
    /// the approval word decides; a per-model kind needs a model in view, else the next cue decides.
    /// </summary>
    private static (int Kind, bool PerModel, bool FromCue) KindOf(WatchSubjectOptions subject, int regulator, in ApprovalClaim claim, int articleModel)
    {
        if (regulator < 0)
        {
            return (-1, false, false);
        }

        var options = subject.Regulators[regulator];
        var modelKnown = claim.Model >= 0 || articleModel >= 0;
        foreach (var packed in claim.KindCues)
        {
            var kind = packed & 0xFF;
            if (packed >> 8 == regulator && (modelKnown || !options.Kinds[kind].PerModel))
            {
                return (kind, options.Kinds[kind].PerModel, true);
            }
        }

        // With no kind named, an approval whose own sentence names a model is that model's (a listing), not the company's.
        var fallback = claim.Model >= 0 && options.Kinds.FindIndex(k => k.PerModel) is var perModel and >= 0
            ? perModel
            : options.Kinds.FindIndex(k => k.Name == options.DefaultKind);
        return (fallback, fallback >= 0 && options.Kinds[fallback].PerModel && modelKnown, false);
    }

    /// <summary>With no regulator named in the article: the regulator whose kind of approval the sentence names, if only one.</summary>
    private static int RegulatorOfKindCue(in ApprovalClaim claim)
    {
        var regulator = -1;
        foreach (var packed in claim.KindCues)
        {
            var r = packed >> 8;
            if (regulator >= 0 && r != regulator)
            {
                return -1;
            }

            regulator = r;
        }

        return regulator;
    }

    /// <summary>The model the article is about: the first named in the headline, else the first named at all; -1 when none.</summary>
    private static int ArticleModel(AnalyzedText text)
    {
        var first = -1;
        foreach (var sentence in text.Sentences)
        {
            for (var i = sentence.FirstMatch; i < sentence.MatchEnd; i++)
            {
                var info = text.Info(text.Matches[i]);
                if (info.Kind != TermKind.SubjectProduct || info.KindRef < 0)
                {
                    continue;
                }

                if (sentence.Zone == Text.TextZone.Title)
                {
                    return info.KindRef;
                }

                first = first < 0 ? info.KindRef : first;
            }
        }

        return first;
    }

    /// <summary>The announcement batch: stated in the evidence sentence, else anywhere in the article; null when none.</summary>
    private static string? Batch(AnalyzedText text, IReadOnlyList<System.Text.RegularExpressions.Regex> patterns, int sentence)
    {
        if (patterns.Count == 0)
        {
            return null;
        }

        foreach (var haystack in (string[])[text.SentenceString(text.Sentences[sentence]), text.Text])
        {
            foreach (var pattern in patterns)
            {
                if (pattern.Match(haystack) is { Success: true } m && m.Groups.Count > 1)
                {
                    return m.Groups[1].Value;
                }
            }
        }

        return null;
    }

    /// <summary>Per sentence, the regulators its terms of <paramref name="kind"/> point to (a name, or a kind cue's regulator).</summary>
    private static List<(int Sentence, int Regulator)> Mentions(AnalyzedText text, TermKind kind, Func<int, bool> counts)
    {
        var mentions = new List<(int, int)>();
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            var sentence = text.Sentences[s];
            for (var i = sentence.FirstMatch; i < sentence.MatchEnd; i++)
            {
                var info = text.Info(text.Matches[i]);
                if (info.Kind == kind && counts(info.Ref))
                {
                    mentions.Add((s, info.Ref));
                }
            }
        }

        return mentions;
    }

    /// <summary>
    /// The regulator named in the sentence nearest to the statement. Where that sentence names several ("the
    /// NDRC's licence and the MIIT's product access"), the one whose kind of approval the statement names wins;
    /// the kind does not outrank a nearer mention, as reporters use one kind's words for the other's approval.
    /// </summary>
    private static int NearestRegulator(List<(int Sentence, int Regulator)> mentions, int sentence, int ofKind)
    {
        int best = -1, bestDistance = int.MaxValue;
        foreach (var (s, regulator) in mentions)
        {
            var distance = Math.Abs(s - sentence);
            if (distance < bestDistance || (distance == bestDistance && regulator == ofKind))
            {
                best = regulator;
                bestDistance = distance;
            }
        }

        return best;
    }
}
