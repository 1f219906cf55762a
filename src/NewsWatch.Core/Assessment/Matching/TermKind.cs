namespace NewsWatch.Assessment.Matching;

/// <summary>What a vocabulary term tells the assessment.</summary>
internal enum TermKind : byte
{
    /// <summary>The watched company ("Xiaomi").</summary>
    SubjectCompany,

    /// <summary>The watched business unit ("Xiaomi Auto"): subject and topic at once.</summary>
    SubjectBusiness,

    /// <summary>A product of the watched business ("SU7"): subject and topic at once.</summary>
    SubjectProduct,

    /// <summary>A product of the company's other businesses carrying its name ("Xiaomi 15"): subject and off-topic at once.</summary>
    SubjectOtherProduct,

    /// <summary>A person standing for the company ("Lei Jun").</summary>
    SubjectPerson,

    /// <summary>Another company.</summary>
    OtherParty,

    /// <summary>A named regulator.</summary>
    Regulator,

    /// <summary>An unnamed authority ("regulators", "Beijing").</summary>
    Authority,

    /// <summary>A word of the watched business's field.</summary>
    Topic,

    /// <summary>A phrase naming the watched business as the thing discussed ("car business").</summary>
    BusinessFraming,

    /// <summary>A word of the company's other businesses.</summary>
    OffTopic,

    /// <summary>A phrase that would otherwise match a topic/off-topic word but says neither.</summary>
    Neutral,

    /// <summary>
    /// A description of the watched company ("the smartphone maker", "le fabricant de smartphones"): says
    /// nothing about which business is discussed, but refers back to the company the text is about.
    /// </summary>
    SubjectEpithet,

    /// <summary>A word for an approval that needs a regulator nearby to be regulatory ("green light").</summary>
    ApprovalNoun,

    /// <summary>A word for a regulatory permission on its own ("licence", "资质").</summary>
    LicenceNoun,

    /// <summary>A verb form that states a grant by itself ("approved", "批准").</summary>
    GrantVerb,

    /// <summary>A realised verb of receiving or giving that makes a grant with an approval word ("received", "拿到").</summary>
    TransferVerb,

    /// <summary>Marks the approval as not (yet) granted ("close to", "still needs", "接近").</summary>
    PendingCue,

    /// <summary>
    /// States what is still required ("still needs", "muss noch", "还需"): pending, but typically said of the
    /// next step after a grant, so it weighs half against statements of what happened.
    /// </summary>
    RequirementCue,

    /// <summary>A pending cue in a narrative past tense ("fehlte", "manquait"): how things stood before, so it weighs half.</summary>
    PastPendingCue,

    /// <summary>Marks the approval as refused ("rejected", "驳回").</summary>
    DenialCue,

    /// <summary>
    /// A filing with a regulator ("has filed", "提交申报", "ha presentato domanda"): an approval under way, named by
    /// the filing itself even where no approval word follows.
    /// </summary>
    FilingCue,

    /// <summary>Negates a grant verb ("not", "未").</summary>
    Negation,

    /// <summary>Places a grant before the time of the story ("had", "此前").</summary>
    BackgroundCue,

    /// <summary>Attribution to sources ("reportedly", "据"): the claim still counts, the reason says so.</summary>
    HedgeCue,

    /// <summary>A regulatory action that is not an approval ("recall", "召回").</summary>
    NonApproval,

    /// <summary>A conjunction that starts a new clause ("but", "但是"): cues do not reach across it.</summary>
    ClauseBreak,

    /// <summary>A word that identifies the kind of approval for one regulator ("catalogue").</summary>
    KindCue,

    /// <summary>Opens a relative or temporal clause ("which", "after"): a grant right behind it is said in passing.</summary>
    RelativeCue,

    /// <summary>Makes the whole sentence a retrospective ("looking back", "回顾").</summary>
    RetrospectiveCue,

    /// <summary>A time before the article's own ("last year", "去年"): a grant placed there is backstory.</summary>
    PastTimeCue,

    /// <summary>A time after any article's own date ("next year", "明年"): what is placed there is still to come.</summary>
    FutureTimeCue,

    /// <summary>Opens a clause that takes its time from the words before it ("last December, when it filed").</summary>
    TimeClauseCue,

    /// <summary>Marks the company named beside it as the brand of a product ("Xiaomi-branded", "de marque Xiaomi", "小米牌").</summary>
    BrandCue,

    /// <summary>
    /// Says the company named just before it (or, with a right scope, just after it) is left out ("Xiaomi isn't one of
    /// them", "샤오미는 빠져", "not BAIC"): that mention names no party of the sentence.
    /// </summary>
    ExclusionCue,
}

/// <summary>Which side of a cue the approval word must be on for the cue to apply to it.</summary>
internal enum CueScope : byte
{
    /// <summary>The cue comes first: "close to [approval]", "接近[获得资质]".</summary>
    Right,

    /// <summary>The cue follows: "[approval] is pending", "[资质]获颁之前", "[승인을] 받지 못한".</summary>
    Left,

    /// <summary>Either side.</summary>
    Both,
}

/// <summary>What the matcher found for one term id.</summary>
/// <param name="Kind">What the term tells.</param>
/// <param name="Text">The term as written in the vocabulary, for reasons.</param>
/// <param name="Ref">Index of the party (0 = subject) or regulator the term names, else -1.</param>
/// <param name="Scope">For cues, which side they apply to.</param>
/// <param name="KindRef">For kind cues, index of the kind within its regulator; for products, index of the model (or -1).</param>
/// <param name="Languages">Approval-language terms: one bit per language that lists the term (see <see cref="AssessmentVocabulary.LanguageMask"/>); 0 for names and other terms of every language.</param>
internal readonly record struct TermInfo(TermKind Kind, string Text, int Ref = -1, CueScope Scope = CueScope.Right, int KindRef = -1, ulong Languages = 0);

/// <summary>Groups of term kinds the stages ask about.</summary>
internal static class TermKinds
{
    /// <summary>A company: the subject (by any of its names) or another party.</summary>
    public static bool IsParty(this TermKind kind) =>
        kind is TermKind.SubjectCompany or TermKind.SubjectBusiness or TermKind.SubjectProduct or TermKind.SubjectPerson
            or TermKind.OtherParty;

    /// <summary>Words that name an approval, a grant or a refusal: what status cues attach to.</summary>
    public static bool IsApprovalAnchor(this TermKind kind) =>
        kind is TermKind.ApprovalNoun or TermKind.LicenceNoun or TermKind.GrantVerb or TermKind.DenialCue or TermKind.FilingCue;
}
