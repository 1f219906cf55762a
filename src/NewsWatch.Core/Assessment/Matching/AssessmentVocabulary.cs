using System.Text.RegularExpressions;

namespace NewsWatch.Assessment.Matching;

/// <summary>
/// The watch subject and the approval lexicon compiled into one matcher, so an article is scanned
/// once for everything the assessment looks at. Built once per subject and shared: immutable.
/// </summary>
internal sealed class AssessmentVocabulary
{
    // Kind cues are overlays (see TermMatcher): "production licence" names the kind and must leave
    // "licence" to the approval rules.

    /// <summary>Party index of the watched subject; other parties follow from 1.</summary>
    public const int Subject = 0;

    /// <summary>Batch numbers are short; a pathological pattern must not stall an article.</summary>
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private readonly TermInfo[] _terms;
    private readonly IReadOnlyList<string> _languageCodes;
    private readonly Dictionary<(int Regulator, int Kind), Regex[]> _batchPatterns;

    private AssessmentVocabulary(
        TermMatcher matcher, TermInfo[] terms, IReadOnlyList<string> partyNames, WatchSubjectOptions subject,
        Dictionary<(int, int), Regex[]> batchPatterns, Approval.TimeAnchors timeAnchors, IReadOnlyList<string> languageCodes)
    {
        Matcher = matcher;
        _languageCodes = languageCodes;
        TimeAnchors = timeAnchors;
        _terms = terms;
        PartyNames = partyNames;
        SubjectOptions = subject;
        _batchPatterns = batchPatterns;
    }

    public TermMatcher Matcher { get; }

    /// <summary>Display names by party index; index 0 is the subject.</summary>
    public IReadOnlyList<string> PartyNames { get; }

    public WatchSubjectOptions SubjectOptions { get; }

    /// <summary>Dates in a claim against the article's date, with the subject's languages' month names.</summary>
    public Approval.TimeAnchors TimeAnchors { get; }

    public ref readonly TermInfo this[int termId] => ref _terms[termId];

    /// <summary>
    /// The bit of an article's language ("pt", "zh-Hant" → "zh") among the approval languages, or 0 when the
    /// language is unknown or not configured: then every language's words apply, as a text may be in any.
    /// </summary>
    public ulong LanguageMask(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return 0;
        }

        var dash = language.IndexOfAny(['-', '_']);
        return Bit(_languageCodes, (dash > 0 ? language[..dash] : language).Trim());
    }

    private static ulong Bit(IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count && i < 64; i++)
        {
            if (string.Equals(codes[i], code, StringComparison.OrdinalIgnoreCase))
            {
                return 1UL << i;
            }
        }

        return 0;
    }

    /// <summary>The compiled batch patterns of one kind of approval (empty when it has none).</summary>
    public IReadOnlyList<Regex> BatchPatterns(int regulator, int kind) =>
        _batchPatterns.TryGetValue((regulator, kind), out var list) ? list : [];

    public static AssessmentVocabulary Build(WatchSubjectOptions subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var builder = new TermMatcher.Builder();
        var terms = new List<TermInfo>();
        var seen = new Dictionary<(TermKind, int, int, string), int>();

        void Add(string term, TermInfo info)
        {
            if (string.IsNullOrWhiteSpace(term))
            {
                return;
            }

            // The same word listed twice (for two languages) would be reported twice: one entry, both languages.
            var key = (info.Kind, info.Ref, info.KindRef, Text.TextFolding.Fold(term.Trim()));
            if (seen.TryGetValue(key, out var existing))
            {
                terms[existing] = terms[existing] with { Languages = terms[existing].Languages | info.Languages };
            }
            else if (builder.Add(term, terms.Count, overlay: info.Kind == TermKind.KindCue))
            {
                seen[key] = terms.Count;
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
        for (var m = 0; m < subject.Models.Count; m++)
        {
            foreach (var alias in subject.Models[m].Aliases)
            {
                Add(alias, new TermInfo(TermKind.SubjectProduct, alias, Subject, KindRef: m));
            }
        }

        AddAll(subject.ProductAliases, TermKind.SubjectProduct, Subject);
        AddAll(subject.OtherProductAliases, TermKind.SubjectOtherProduct, Subject);
        AddAll(subject.PeopleAliases, TermKind.SubjectPerson, Subject);
        AddAll(subject.TopicTerms, TermKind.Topic);
        AddAll(subject.BusinessFramingTerms, TermKind.BusinessFraming);
        AddAll(subject.OffTopicTerms, TermKind.OffTopic);
        AddAll(subject.NeutralTerms, TermKind.SubjectEpithet);
        AddAll(subject.AuthorityTerms, TermKind.Authority);

        var partyNames = new List<string> { subject.Name };
        foreach (var party in subject.OtherParties)
        {
            AddAll(party.Aliases, TermKind.OtherParty, partyNames.Count);
            partyNames.Add(party.Name);
        }

        var batchPatterns = new Dictionary<(int, int), Regex[]>();
        for (var r = 0; r < subject.Regulators.Count; r++)
        {
            var regulator = subject.Regulators[r];
            AddAll(regulator.Aliases, TermKind.Regulator, r);
            for (var k = 0; k < regulator.Kinds.Count; k++)
            {
                if (regulator.Kinds[k].BatchPatterns.Count > 0)
                {
                    batchPatterns[(r, k)] = [.. regulator.Kinds[k].BatchPatterns.Select(p => new Regex(p, RegexOptions.CultureInvariant, PatternTimeout))];
                }

                foreach (var t in regulator.Kinds[k].Terms)
                {
                    Add(t, new TermInfo(TermKind.KindCue, t, r, KindRef: k));
                }
            }
        }

        // Resolved once: the entries, the month names and the language bits must come from the same dictionary.
        var languages = Approval.ApprovalLexicon.Languages(subject);
        var languageCodes = languages.Keys.ToList();
        foreach (var (kind, scope, term, language) in Approval.ApprovalLexicon.Entries(languages))
        {
            Add(term, new TermInfo(kind, term, Scope: scope, Languages: Bit(languageCodes, language)));
        }

        return new AssessmentVocabulary(
            builder.Build(), [.. terms], partyNames, subject, batchPatterns, Approval.ApprovalLexicon.TimeAnchors(languages), languageCodes);
    }
}
