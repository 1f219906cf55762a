namespace NewsWatch.Assessment.Matching;

/// <summary>
/// The watch subject and the approval lexicon compiled into one matcher, so an article is scanned
/// once for everything the assessment looks at. Built once per subject and shared: immutable.
/// </summary>
internal sealed class AssessmentVocabulary
{
    /// <summary>Party index of the watched subject; other parties follow from 1.</summary>
    public const int Subject = 0;

    private readonly TermInfo[] _terms;

    private AssessmentVocabulary(TermMatcher matcher, TermInfo[] terms, IReadOnlyList<string> partyNames, WatchSubjectOptions subject)
    {
        Matcher = matcher;
        _terms = terms;
        PartyNames = partyNames;
        SubjectOptions = subject;
    }

    public TermMatcher Matcher { get; }

    /// <summary>Display names by party index; index 0 is the subject.</summary>
    public IReadOnlyList<string> PartyNames { get; }

    public WatchSubjectOptions SubjectOptions { get; }

    public ref readonly TermInfo this[int termId] => ref _terms[termId];

    public static AssessmentVocabulary Build(WatchSubjectOptions subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var builder = new TermMatcher.Builder();
        var terms = new List<TermInfo>();
        var seen = new HashSet<(TermKind, int, int, string)>();

        void Add(string term, TermInfo info)
        {
            // The same word listed twice (for two languages) would be reported twice.
            if (!string.IsNullOrWhiteSpace(term)
                && seen.Add((info.Kind, info.Ref, info.KindRef, Text.TextFolding.Fold(term.Trim())))
                && builder.Add(term, terms.Count))
            {
                terms.Add(info with { Text = term.Trim('*', ' ') });
            }
        }

        void AddAll(IEnumerable<string> list, TermKind kind, int reference = -1)
        {
            foreach (var t in list)
            {
                Add(t, new TermInfo(kind, t, reference));
            }
        }

        AddAll(subject.CompanyAliases, TermKind.SubjectCompany, Subject);
        AddAll(subject.BusinessAliases, TermKind.SubjectBusiness, Subject);
        AddAll(subject.ProductAliases, TermKind.SubjectProduct, Subject);
        AddAll(subject.PeopleAliases, TermKind.SubjectPerson, Subject);
        AddAll(subject.TopicTerms, TermKind.Topic);
        AddAll(subject.BusinessFramingTerms, TermKind.BusinessFraming);
        AddAll(subject.OffTopicTerms, TermKind.OffTopic);
        AddAll(subject.NeutralTerms, TermKind.Neutral);
        AddAll(subject.AuthorityTerms, TermKind.Authority);

        var partyNames = new List<string> { subject.Name };
        foreach (var party in subject.OtherParties)
        {
            AddAll(party.Aliases, TermKind.OtherParty, partyNames.Count);
            partyNames.Add(party.Name);
        }

        for (var r = 0; r < subject.Regulators.Count; r++)
        {
            var regulator = subject.Regulators[r];
            AddAll(regulator.Aliases, TermKind.Regulator, r);
            for (var k = 0; k < regulator.Kinds.Count; k++)
            {
                foreach (var t in regulator.Kinds[k].Terms)
                {
                    Add(t, new TermInfo(TermKind.KindCue, t, r, KindRef: k));
                }
            }
        }

        foreach (var (kind, scope, term) in Approval.ApprovalLexicon.Entries())
        {
            Add(term, new TermInfo(kind, term, Scope: scope));
        }

        return new AssessmentVocabulary(builder.Build(), [.. terms], partyNames, subject);
    }
}
