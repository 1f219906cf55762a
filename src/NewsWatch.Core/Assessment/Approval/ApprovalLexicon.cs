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
    // "expected to [get approval]" looks right, "[approval] pending" looks left. Verb lists also match the other
    // forms their language's EndingForms declare.
    private static readonly (Func<ApprovalLanguageOptions, List<string>> List, TermKind Kind, CueScope Scope, bool Verbs)[] Roles =
    [
        (l => l.ApprovalNouns, TermKind.ApprovalNoun, CueScope.Both, false),
        (l => l.LicenceNouns, TermKind.LicenceNoun, CueScope.Both, false),
        (l => l.GrantVerbs, TermKind.GrantVerb, CueScope.Both, true),
        (l => l.GrantNouns, TermKind.GrantVerb, CueScope.Both, false),
        (l => l.TransferVerbs, TermKind.TransferVerb, CueScope.Both, true),
        (l => l.PendingCues, TermKind.PendingCue, CueScope.Right, false),
        (l => l.PendingCuesAfter, TermKind.PendingCue, CueScope.Left, false),
        (l => l.PendingCuesEitherSide, TermKind.PendingCue, CueScope.Both, false),
        (l => l.PastPendingCues, TermKind.PastPendingCue, CueScope.Both, false),
        (l => l.RequirementCues, TermKind.RequirementCue, CueScope.Right, false),
        (l => l.RequirementCuesAfter, TermKind.RequirementCue, CueScope.Left, false),
        (l => l.RequirementCuesEitherSide, TermKind.RequirementCue, CueScope.Both, false),
        (l => l.DenialCues, TermKind.DenialCue, CueScope.Both, true),
        (l => l.Negations, TermKind.Negation, CueScope.Right, false),
        (l => l.NegationsAfter, TermKind.Negation, CueScope.Left, false),
        (l => l.BackgroundCues, TermKind.BackgroundCue, CueScope.Right, false),
        (l => l.Hedges, TermKind.HedgeCue, CueScope.Both, false),
        (l => l.NonApprovals, TermKind.NonApproval, CueScope.Both, false),
        (l => l.ClauseBreaks, TermKind.ClauseBreak, CueScope.Both, false),
        (l => l.NotCues, TermKind.Neutral, CueScope.Both, false),
        (l => l.FilingCues, TermKind.FilingCue, CueScope.Both, true),
        (l => l.RelativeCues, TermKind.RelativeCue, CueScope.Right, false),
        (l => l.RetrospectiveCues, TermKind.RetrospectiveCue, CueScope.Both, false),
        (l => l.PastTimeCues, TermKind.PastTimeCue, CueScope.Both, false),
        (l => l.FutureTimeCues, TermKind.FutureTimeCue, CueScope.Both, false),
        (l => l.TimeClauseCues, TermKind.TimeClauseCue, CueScope.Right, false),
        (l => l.BrandCues, TermKind.BrandCue, CueScope.Both, false),
        (l => l.ExclusionCues, TermKind.ExclusionCue, CueScope.Left, false),
        (l => l.ExclusionCuesBefore, TermKind.ExclusionCue, CueScope.Right, false),
    ];

    /// <summary>Every language's month and season names, for <see cref="TimeAnchors"/>.</summary>
    public static TimeAnchors TimeAnchors(IReadOnlyDictionary<string, ApprovalLanguageOptions> languages) =>
        new(
            languages.Values.Select(l => (IReadOnlyList<IReadOnlyList<string>>)l.MonthNames),
            languages.Values.Select(l => (IReadOnlyList<IReadOnlyList<string>>)l.SeasonNames));

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
        var listed = languages.ToDictionary(l => l.Key, l => Roles.SelectMany(r => r.List(l.Value)).ToHashSet(StringComparer.OrdinalIgnoreCase));
        foreach (var (list, kind, scope, verbs) in Roles)
        {
            foreach (var (code, language) in languages)
            {
                foreach (var term in list(language))
                {
                    yield return (kind, scope, term, code);
                    if (!verbs)
                    {
                        continue;
                    }

                    // A form listed anywhere keeps the role it is listed with ("données" is data, not "given").
                    foreach (var form in OtherForms(term, language.EndingForms).Where(f => listed[code].Add(f)))
                    {
                        yield return (kind, scope, form, code);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A one-word term with its ending replaced by the other endings of the longest set it ends with. Phrases are
    /// left as listed: the words of "ha ottenuto" agree by rules of their own.
    /// </summary>
    public static IEnumerable<string> OtherForms(string term, IReadOnlyList<List<string>> endingForms)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(endingForms);
        if (term.EndsWith('*') || term.StartsWith('*') || term.Contains(' ', StringComparison.Ordinal))
        {
            yield break;
        }

        var (ending, forms) = endingForms
            .SelectMany(set => set.Select(e => (Ending: e, Set: set)))
            .Where(x => x.Ending.Length > 0 && x.Ending.Length < term.Length && term.EndsWith(x.Ending, StringComparison.OrdinalIgnoreCase)
                && char.IsLetter(term[^(x.Ending.Length + 1)]))
            .OrderByDescending(x => x.Ending.Length)
            .FirstOrDefault();
        if (ending is null)
        {
            yield break;
        }

        var stem = term[..^ending.Length];
        foreach (var other in forms.Where(f => !f.Equals(ending, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return stem + other;
        }
    }
}
