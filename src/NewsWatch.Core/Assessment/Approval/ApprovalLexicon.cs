using NewsWatch.Assessment.Matching;

namespace NewsWatch.Assessment.Approval;

/// <summary>
/// Turns a subject's approval language (<see cref="WatchSubjectOptions.ApprovalLanguage"/>, one entry per
/// language in the subject file) into matcher entries: what each list means to the approval rules and on
/// which side of an approval word its cues apply. The words themselves are configuration; the roles are code.
/// </summary>
internal static class ApprovalLexicon
{
    // One row per list of ApprovalLanguageOptions. A cue's scope is the side of the approval word it governs:
    // "expected to [get approval]" looks right, "[approval] pending" looks left.
    private static readonly (Func<ApprovalLanguageOptions, List<string>> List, TermKind Kind, CueScope Scope)[] Roles =
    [
        (l => l.ApprovalNouns, TermKind.ApprovalNoun, CueScope.Both),
        (l => l.LicenceNouns, TermKind.LicenceNoun, CueScope.Both),
        (l => l.GrantVerbs, TermKind.GrantVerb, CueScope.Both),
        (l => l.GrantNouns, TermKind.GrantVerb, CueScope.Both),
        (l => l.TransferVerbs, TermKind.TransferVerb, CueScope.Both),
        (l => l.PendingCues, TermKind.PendingCue, CueScope.Right),
        (l => l.PendingCuesAfter, TermKind.PendingCue, CueScope.Left),
        (l => l.PendingCuesEitherSide, TermKind.PendingCue, CueScope.Both),
        (l => l.PastPendingCues, TermKind.PastPendingCue, CueScope.Both),
        (l => l.RequirementCues, TermKind.RequirementCue, CueScope.Right),
        (l => l.RequirementCuesAfter, TermKind.RequirementCue, CueScope.Left),
        (l => l.RequirementCuesEitherSide, TermKind.RequirementCue, CueScope.Both),
        (l => l.DenialCues, TermKind.DenialCue, CueScope.Both),
        (l => l.Negations, TermKind.Negation, CueScope.Right),
        (l => l.NegationsAfter, TermKind.Negation, CueScope.Left),
        (l => l.BackgroundCues, TermKind.BackgroundCue, CueScope.Right),
        (l => l.Hedges, TermKind.HedgeCue, CueScope.Both),
        (l => l.NonApprovals, TermKind.NonApproval, CueScope.Both),
        (l => l.ClauseBreaks, TermKind.ClauseBreak, CueScope.Both),
        (l => l.NotCues, TermKind.Neutral, CueScope.Both),
        (l => l.FilingCues, TermKind.FilingCue, CueScope.Both),
        (l => l.RelativeCues, TermKind.RelativeCue, CueScope.Right),
        (l => l.RetrospectiveCues, TermKind.RetrospectiveCue, CueScope.Both),
        (l => l.PastTimeCues, TermKind.PastTimeCue, CueScope.Both),
        (l => l.TimeClauseCues, TermKind.TimeClauseCue, CueScope.Right),
        (l => l.BrandCues, TermKind.BrandCue, CueScope.Both),
    ];

    /// <summary>Every language's month names, for <see cref="TimeAnchors"/>.</summary>
    public static TimeAnchors TimeAnchors(IReadOnlyDictionary<string, ApprovalLanguageOptions> languages) =>
        new(languages.Values.Select(l => (IReadOnlyList<IReadOnlyList<string>>)l.MonthNames));

    /// <summary>
    /// The subject's approval language by language code. A subject that configures none uses the default
    /// subject's: how news states a grant does not depend on which company is watched.
    /// </summary>
    public static IReadOnlyDictionary<string, ApprovalLanguageOptions> Languages(WatchSubjectOptions subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.ApprovalLanguage.Count > 0 ? subject.ApprovalLanguage : WatchSubjectOptions.XiaomiEv().ApprovalLanguage;
    }

    /// <summary>
    /// Every entry of every language at once (a report may quote or mix languages, and the scan costs the
    /// same), role by role.
    /// </summary>
    public static IEnumerable<(TermKind Kind, CueScope Scope, string Term, string Language)> Entries(
        IReadOnlyDictionary<string, ApprovalLanguageOptions> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        foreach (var (list, kind, scope) in Roles)
        {
            foreach (var (code, language) in languages)
            {
                foreach (var term in list(language))
                {
                    yield return (kind, scope, term, code);
                }
            }
        }
    }

}
