namespace NewsWatch.Assessment;

/// <summary>
/// What the assessment watches for: one company business (aliases in every language it is reported
/// in), the vocabulary of that business and of the company's other businesses, the other companies
/// that share its news, and the regulators whose approvals matter. Bound from the configuration
/// section <see cref="SectionName"/>; <see cref="XiaomiEv"/> is the default subject.
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

    /// <summary>People who stand for the company ("Lei Jun").</summary>
    public List<string> PeopleAliases { get; set; } = [];

    /// <summary>Words of the watched business's field ("electric vehicle", "汽车").</summary>
    public List<string> TopicTerms { get; set; } = [];

    /// <summary>Phrases naming the business itself as the thing discussed ("car business", "造车"); weigh double.</summary>
    public List<string> BusinessFramingTerms { get; set; } = [];

    /// <summary>Words of the company's other businesses ("smartphone", "HyperOS"): evidence the article is about those instead.</summary>
    public List<string> OffTopicTerms { get; set; } = [];

    /// <summary>Phrases that contain topic or off-topic words but say neither ("smartphone maker" describes, it is not phone news).</summary>
    public List<string> NeutralTerms { get; set; } = [];

    /// <summary>Other companies whose news mentions the subject in passing, and whose approvals are not the subject's.</summary>
    public List<PartyOptions> OtherParties { get; set; } = [];

    /// <summary>The regulators whose approvals are reported as events.</summary>
    public List<RegulatorOptions> Regulators { get; set; } = [];

    /// <summary>Words that denote an unnamed authority ("regulators", "Beijing", "当局"): regulatory context without a name.</summary>
    public List<string> AuthorityTerms { get; set; } = [];

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

    /// <summary>Other kinds, each recognised by terms in the approval sentence (e.g. "catalogue" → catalogue-listing).</summary>
    public List<ApprovalKindOptions> Kinds { get; set; } = [];
}

/// <summary>A kind of approval and the words that identify it.</summary>
public sealed class ApprovalKindOptions
{
    public string Name { get; set; } = "";

    public List<string> Terms { get; set; } = [];
}
