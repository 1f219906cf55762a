namespace NewsWatch.Assessment;

/// <summary>
/// What the assessment watches for: one company business (aliases in every language it is reported
/// in), the vocabulary of that business and of the company's other businesses, the other companies
/// that share its news, and the regulators whose approvals matter. Bound from the configuration
/// section <see cref="SectionName"/>; <see cref="XiaomiEv"/> is the default subject, read from the
/// embedded <c>config/watch-subjects/xiaomi-ev.json</c>.
/// </summary>
/// <remarks>
/// Terms are matched case-insensitively after folding full-width, hyphen and traditional/simplified
/// Han variants, as whole words unless they end (stem) or start (compound tail) with <c>*</c>.
/// </remarks>
public sealed partial class WatchSubjectOptions
{
    public const string SectionName = "WatchSubject";

    /// <summary>Stable short id, first part of every approval event key (e.g. "xiaomi-ev").</summary>
    public string Key { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Names of the company itself ("Xiaomi", "小米"): subject, but not yet its watched business.</summary>
    public List<string> CompanyAliases { get; set; } = [];

    /// <summary>Names of the watched business unit ("Xiaomi Auto", "小米汽车"): subject and topic at once.</summary>
    public List<string> BusinessAliases { get; set; } = [];

    /// <summary>Products of the watched business ("SU7"): subject and topic at once.</summary>
    public List<string> ProductAliases { get; set; } = [];

    /// <summary>
    /// Products of the company's other businesses that carry its name ("Xiaomi 15"): they name the subject and
    /// say that the sentence is about another business.
    /// </summary>
    public List<string> OtherProductAliases { get; set; } = [];

    /// <summary>
    /// The models an approval can be for (a catalogue listing is per model): each is also a product alias.
    /// List a longer name before a shorter one it contains only for readability; the longest match wins anyway.
    /// </summary>
    public List<ModelOptions> Models { get; set; } = [];

    /// <summary>How alerts name the company ("Xiaomi"); <see cref="Name"/> when empty.</summary>
    public string CompanyName { get; set; } = "";

    /// <summary>People who stand for the company ("Lei Jun").</summary>
    public List<string> PeopleAliases { get; set; } = [];

    /// <summary>Words of the watched business's field ("electric vehicle", "汽车").</summary>
    public List<string> TopicTerms { get; set; } = [];

    /// <summary>Phrases naming the business itself as the thing discussed ("car business", "造车"); weigh double.</summary>
    public List<string> BusinessFramingTerms { get; set; } = [];

    /// <summary>Words of the company's other businesses ("smartphone", "HyperOS"): evidence the article is about those instead.</summary>
    public List<string> OffTopicTerms { get; set; } = [];

    /// <summary>
    /// Descriptions of the company that contain topic or off-topic words but say neither ("smartphone maker"
    /// describes, it is not phone news); one that refers back to the subject makes its sentence about the subject.
    /// </summary>
    public List<string> NeutralTerms { get; set; } = [];

    /// <summary>Other companies whose news mentions the subject in passing, and whose approvals are not the subject's.</summary>
    public List<PartyOptions> OtherParties { get; set; } = [];

    /// <summary>The regulators whose approvals are reported as events.</summary>
    public List<RegulatorOptions> Regulators { get; set; } = [];

    /// <summary>Words that denote an unnamed authority ("regulators", "Beijing", "当局"): regulatory context without a name.</summary>
    public List<string> AuthorityTerms { get; set; } = [];

    /// <summary>
    /// How reports state that an approval was granted, is pending or was refused, by language code ("en",
    /// "zh", "de" …). A subject that lists none uses the default subject's (<c>xiaomi-ev.json</c>), so a new
    /// subject needs only its names and regulators.
    /// </summary>
    public Dictionary<string, ApprovalLanguageOptions> ApprovalLanguage { get; set; } = [];

    /// <summary>Kind used for approvals whose regulator is not named.</summary>
    public string UnspecifiedApprovalKind { get; set; } = "approval";

    /// <summary>True when nothing was configured; the assessor then watches <see cref="XiaomiEv"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(Key) && CompanyAliases.Count == 0 && BusinessAliases.Count == 0;

    /// <summary>Relevance scores at or above this are "about the subject". See <c>RelevanceScorer</c>.</summary>
    public double RelevanceThreshold { get; set; } = 0.5;
}

/// <summary>A company other than the subject.</summary>
public sealed class PartyOptions
{
    public string Name { get; set; } = "";

    public List<string> Aliases { get; set; } = [];
}

/// <summary>A regulator, the names it goes by, and the kinds of approval it grants.</summary>
public sealed class RegulatorOptions
{
    /// <summary>Code used in event keys and output ("NDRC").</summary>
    public string Code { get; set; } = "";

    public List<string> Aliases { get; set; } = [];

    /// <summary>Kind of an approval by this regulator when no kind term is nearby.</summary>
    public string DefaultKind { get; set; } = "approval";

    /// <summary>
    /// The regulator deals with the company only through the watched business, so naming it beside the company
    /// speaks of that business (the NDRC approves Xiaomi's car project, never its phones). Leave it off for
    /// regulators of the company's other businesses too (MIIT also licenses phones).
    /// </summary>
    public bool ImpliesBusiness { get; set; }

    /// <summary>
    /// The regulator's kinds are its alone ("road-test licence", "EU type approval"): a statement naming one is this
    /// regulator's even when another regulator is named nearer, as in a brief that lists earlier national approvals
    /// beside a new city licence. Leave it off where reporters use one regulator's words for another's approval
    /// (资质 for the NDRC's).
    /// </summary>
    public bool KindsOutrankMentions { get; set; }

    /// <summary>Other kinds, each recognised by terms in the approval sentence (e.g. "catalogue" → catalogue-listing).</summary>
    public List<ApprovalKindOptions> Kinds { get; set; } = [];
}

/// <summary>A kind of approval and the words that identify it.</summary>
public sealed class ApprovalKindOptions
{
    public string Name { get; set; } = "";

    public List<string> Terms { get; set; } = [];

    /// <summary>Granted separately for each model (a catalogue listing): the model is part of the event's identity.</summary>
    public bool PerModel { get; set; }

    /// <summary>What the approval is called in an alert ("MIIT production qualification").</summary>
    public string Label { get; set; } = "";

    /// <summary>Alert headline of a grant; "{name}" is the company, or company and model ("Xiaomi YU7").</summary>
    public string GrantedHeadline { get; set; } = "";

    /// <summary>
    /// Regular expressions whose first group is the announcement batch ("batch 377", "第377批"): part of the
    /// event's identity where a report states it.
    /// </summary>
    public List<string> BatchPatterns { get; set; } = [];
}

/// <summary>A model of the watched business and the names reports use for it.</summary>
public sealed class ModelOptions
{
    /// <summary>Display name and key part ("SU7 Ultra").</summary>
    public string Name { get; set; } = "";

    public List<string> Aliases { get; set; } = [];
}

/// <summary>
/// One language's approval vocabulary, in the pattern syntax of the other term lists. "Before" and "after"
/// say on which side of the approval word a cue applies; what each list does is decided in code
/// (<c>ApprovalLexicon</c>, <c>ApprovalStatusClassifier</c>).
/// </summary>
public sealed class ApprovalLanguageOptions
{
    /// <summary>Words naming an approval that need an authority in view ("green light").</summary>
    public List<string> ApprovalNouns { get; set; } = [];

    /// <summary>Permissions regulatory on their own ("licence", "资质").</summary>
    public List<string> LicenceNouns { get; set; } = [];

    /// <summary>
    /// Realised verb forms that state a grant ("approved", "获批"). Bare infinitives ("to get") belong nowhere:
    /// they name an approval without saying it happened.
    /// </summary>
    public List<string> GrantVerbs { get; set; } = [];

    /// <summary>
    /// Nouns that say a grant happened by themselves, as a verb does ("green light", "via libera"): "Via libera a
    /// Xiaomi" is a headline grant, "awaits the green light" still a wait.
    /// </summary>
    public List<string> GrantNouns { get; set; } = [];

    /// <summary>Realised receiving/giving verbs ("received", "拿到").</summary>
    public List<string> TransferVerbs { get; set; } = [];

    /// <summary>Waiting, hoping and obstacle cues before the approval word ("expected to", "close to", "申请").</summary>
    public List<string> PendingCues { get; set; } = [];

    /// <summary>Such cues after the approval word ("[approval] pending", "[资质]之前", "見込み").</summary>
    public List<string> PendingCuesAfter { get; set; } = [];

    /// <summary>Such cues on either side ("Hürden", "受阻"; German modals follow the verb).</summary>
    public List<string> PendingCuesEitherSide { get; set; } = [];

    /// <summary>Narrative past of waiting and lacking ("fehlte", "faltaba"): how things stood before the news.</summary>
    public List<string> PastPendingCues { get; set; } = [];

    /// <summary>What is still required, before the approval word ("still needs", "仍需"): a next step, often another regulator's.</summary>
    public List<string> RequirementCues { get; set; } = [];

    /// <summary>Such requirements after the approval word ("still required", "필요").</summary>
    public List<string> RequirementCuesAfter { get; set; } = [];

    /// <summary>Such requirements on either side ("muss noch").</summary>
    public List<string> RequirementCuesEitherSide { get; set; } = [];

    /// <summary>Refusals ("rejected", "驳回").</summary>
    public List<string> DenialCues { get; set; } = [];

    /// <summary>Filings with a regulator ("has filed", "提交申报"): a pending approval even without an approval word.</summary>
    public List<string> FilingCues { get; set; } = [];

    /// <summary>Negations before the approval word ("not", "未", "sans").</summary>
    public List<string> Negations { get; set; } = [];

    /// <summary>Negations after the verb ("得ていない", "받지 못한").</summary>
    public List<string> NegationsAfter { get; set; } = [];

    /// <summary>
    /// Phrases that contain a cue word but are no cue, so the longest match hides it: "not only" is emphasis, "申报企业"
    /// is the applicant column of every MIIT notice, not a filing.
    /// </summary>
    public List<string> NotCues { get; set; } = [];

    /// <summary>Backstory markers before the verb ("had", "previously", "此前").</summary>
    public List<string> BackgroundCues { get; set; } = [];

    /// <summary>
    /// Openers of a relative or temporal clause ("which", "after", "который"): a grant right after one is
    /// said about the company in passing, not reported as news.
    /// </summary>
    public List<string> RelativeCues { get; set; } = [];

    /// <summary>Words of a retrospective ("looking back", "回顾", "recordó"): the whole sentence is history.</summary>
    public List<string> RetrospectiveCues { get; set; } = [];

    /// <summary>
    /// Openers of a clause that takes its time from the words before it ("…last December, when it filed…"):
    /// the date before the comma places the clause.
    /// </summary>
    public List<string> TimeClauseCues { get; set; } = [];

    /// <summary>Times before any article's own date ("last year", "去年"): a grant placed there is backstory.</summary>
    public List<string> PastTimeCues { get; set; } = [];

    /// <summary>
    /// Times after any article's own date ("next year", "del prossimo anno", "明年"): a month named beside one is
    /// the coming one ("between June and July of next year" in October is not last June).
    /// </summary>
    public List<string> FutureTimeCues { get; set; } = [];

    /// <summary>
    /// The twelve months, January first, each with its written forms (["январь", "января", "январе"]): a grant
    /// dated to a month well before the article is backstory. Leave a month empty where its name is also an
    /// ordinary word ("May", "mai"). Numeric and CJK dates ("2023-08", "8月") need no names.
    /// </summary>
    public List<List<string>> MonthNames { get; set; } = [];

    /// <summary>
    /// The four seasons, spring first, each with the forms that place an event in it without a year ("in the
    /// summer", "im Sommer", "夏に"): read as the season's last month, the way a bare month is read.
    /// </summary>
    public List<List<string>> SeasonNames { get; set; } = [];

    /// <summary>
    /// Words that make the company named beside them the brand of a product ("branded", "de marque", "牌"): a
    /// contract manufacturer's filing for "Xiaomi-branded" cars is Xiaomi's approval.
    /// </summary>
    public List<string> BrandCues { get; set; } = [];

    /// <summary>
    /// Words after a company's name that leave it out of what the sentence reports ("isn't one of them", "落选",
    /// "geht leer aus"): "China clears its first Level 3 cars, and Xiaomi isn't one of them" is no approval of Xiaomi's.
    /// </summary>
    public List<string> ExclusionCues { get; set; } = [];

    /// <summary>The same before the name ("not", "а не", "nicht mehr", "而非"): "listed under Xiaomi, not BAIC".</summary>
    public List<string> ExclusionCuesBefore { get; set; } = [];

    /// <summary>Attribution ("reportedly"): a grant still counts.</summary>
    public List<string> Hedges { get; set; } = [];

    /// <summary>Regulatory actions that are not approvals ("recall", "3C certification").</summary>
    public List<string> NonApprovals { get; set; } = [];

    /// <summary>Words that end one claim and start another ("but", "但是", "jedoch"): cues do not reach across them.</summary>
    public List<string> ClauseBreaks { get; set; } = [];

    /// <summary>
    /// Endings that are forms of one word, each set the same ending in every gender and number (["é", "ée", "és",
    /// "ées"], ["ил", "ила", "ило", "или"]): a grant, transfer, refusal or filing verb listed in one form matches
    /// its others ("autorisé" also "autorisées"), as a new report will use whichever the sentence needs.
    /// </summary>
    public List<List<string>> EndingForms { get; set; } = [];
}
