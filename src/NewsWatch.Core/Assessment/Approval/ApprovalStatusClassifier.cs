using NewsWatch.Assessment.Matching;

namespace NewsWatch.Assessment.Approval;

/// <summary>
/// Reads the status an approval word is given by the words around it, within its clause:
/// refused if a refusal cue is near; pending if a waiting/irrealis cue scopes over it ("close to
/// [getting the green light]", "[资质]获颁之前") or its verb is negated; granted if a realised grant
/// verb states it ("approved", or "received" + "approval"); otherwise it only names an approval and
/// says nothing ("the NDRC approval brings Xiaomi closer").
/// </summary>
internal static class ApprovalStatusClassifier
{
    /// <summary>Receiving/giving verb to approval word, tokens: "received a crucial approval", "拿到...批文".</summary>
    public const int PairWindow = 8;

    /// <summary>Status cue to approval word, tokens: "still needs to obtain approval".</summary>
    public const int CueWindow = 8;

    /// <summary>Negation to verb, tokens: "has so far not received".</summary>
    public const int NegationWindow = 3;

    /// <summary>Past perfect to verb, tokens: "had already been granted".</summary>
    public const int BackgroundWindow = 6;

    /// <summary>What the words around one approval word say.</summary>
    /// <param name="Status">Null when the sentence only names an approval.</param>
    /// <param name="Cue">Index (in the sentence view) of the deciding cue or verb, or -1.</param>
    /// <param name="IsBackground">Told as backstory.</param>
    /// <param name="IsRequirement">Pending only because something is still required.</param>
    public readonly record struct Verdict(ApprovalStatus? Status, int Cue, bool IsBackground, bool IsRequirement = false);

    /// <summary>The word a statement's tense and time hang on: its grant or receiving verb, else the approval word.</summary>
    public static int Focus(in SentenceView v, int anchor)
    {
        var verb = Verb(v, anchor);
        return verb >= 0 ? verb : anchor;
    }

    private static int Verb(in SentenceView v, int anchor) =>
        v.Kind(anchor) == TermKind.GrantVerb ? anchor : v.FindNear(anchor, TermKind.TransferVerb, PairWindow);

    public static Verdict Classify(in SentenceView v, int anchor)
    {
        var verb = Verb(v, anchor);
        var focus = verb >= 0 ? verb : anchor;
        var background = IsBackground(v, focus);

        if (v.Kind(anchor) == TermKind.FilingCue)
        {
            return new Verdict(ApprovalStatus.Pending, anchor, background);
        }

        var denial = v.Kind(anchor) == TermKind.DenialCue ? anchor : v.FindNear(anchor, TermKind.DenialCue, CueWindow);
        if (denial >= 0)
        {
            return new Verdict(ApprovalStatus.Denied, denial, background);
        }

        // The nearest of a waiting cue and a requirement cue decides, on the approval word or its verb
        // ("will receive approval": the cue may scope over the verb rather than the noun).
        var (pending, pendingDistance) = NearestCue(v, anchor, verb, TermKind.PendingCue);
        var (required, requiredDistance) = NearestCue(v, anchor, verb, TermKind.RequirementCue);
        if (pending >= 0 && pendingDistance <= requiredDistance)
        {
            return new Verdict(ApprovalStatus.Pending, pending, background);
        }

        if (required >= 0)
        {
            return new Verdict(ApprovalStatus.Pending, required, background, IsRequirement: true);
        }

        var past = v.FindCue(anchor, TermKind.PastPendingCue, CueWindow);
        if (past >= 0)
        {
            return new Verdict(ApprovalStatus.Pending, past, IsBackground: true);
        }

        var negation = v.FindCue(focus, TermKind.Negation, NegationWindow);
        if (negation >= 0)
        {
            return new Verdict(ApprovalStatus.Pending, negation, background);
        }

        return verb >= 0 ? new Verdict(ApprovalStatus.Granted, verb, background) : new Verdict(null, -1, background);
    }

    private static (int Cue, int Distance) NearestCue(in SentenceView v, int anchor, int verb, TermKind kind)
    {
        var cue = v.FindCue(anchor, kind, CueWindow, out var distance);
        if (verb >= 0 && verb != anchor)
        {
            var onVerb = v.FindCue(verb, kind, CueWindow, out var verbDistance);
            if (onVerb >= 0 && verbDistance < distance)
            {
                return (onVerb, verbDistance);
            }
        }

        return (cue, distance);
    }

    /// <summary>
    /// A past perfect before the verb marks backstory — unless a reporting verb precedes it, when the
    /// past perfect is only the tense shift of reported speech ("said it had received approval").
    /// </summary>
    private static bool IsBackground(in SentenceView v, int focus)
    {
        var cue = v.FindCue(focus, TermKind.BackgroundCue, BackgroundWindow);
        if (cue < 0)
        {
            return false;
        }

        for (var i = 0; i < cue; i++)
        {
            if (v.Kind(i) == TermKind.HedgeCue)
            {
                return false;
            }
        }

        return true;
    }
}
