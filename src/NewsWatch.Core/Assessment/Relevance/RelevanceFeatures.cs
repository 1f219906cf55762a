namespace NewsWatch.Assessment.Relevance;

/// <summary>
/// The measured quantities a relevance decision is made from; all are position-weighted sentence
/// counts (title 3, lead 2, body 1) so that the headline and lead weigh more than the tail.
/// </summary>
/// <param name="TopicMass">Sentences about the subject that speak of the watched business (business/product names and framing count double).</param>
/// <param name="OffTopicMass">Sentences about the subject that speak only of its other businesses.</param>
/// <param name="SubjectSentences">Sentences naming the subject, unweighted.</param>
/// <param name="SubjectShare">The subject's share of the sentences that name any company, each such sentence split among the companies it names.</param>
/// <param name="TopOtherShare">The same share for the most prominent other company.</param>
/// <param name="TopOther">Party index of that company, or -1.</param>
/// <param name="SubjectLeads">The first company the text names, in its title or lead, is the subject: what the text is about.</param>
/// <param name="Sentences">Sentences in the text.</param>
/// <param name="OtherHeadline">The title names other companies and not the subject: the story is theirs.</param>
internal readonly record struct RelevanceFeatures(
    double TopicMass,
    double OffTopicMass,
    int SubjectSentences,
    double SubjectShare,
    double TopOtherShare,
    int TopOther,
    bool SubjectLeads,
    int Sentences = 0,
    bool OtherHeadline = false)
{
    /// <summary>An article this long that names the subject once, outside its title and lead, is about something else.</summary>
    public const int LongEnoughToBeAboutSomethingElse = 4;

    /// <summary>How much of what is said about the subject concerns the watched business, 0..1.</summary>
    public double Focus => TopicMass + OffTopicMass <= 0 ? 0 : TopicMass / (TopicMass + OffTopicMass);

    /// <summary>The subject's share against the most prominent other company, 0..1 (0.5 = equally prominent).</summary>
    public double Prominence => SubjectShare + TopOtherShare <= 0 ? 0 : SubjectShare / (SubjectShare + TopOtherShare);

    /// <summary>
    /// Named in a single sentence, not as the first company of the title or lead, of an article that names other
    /// companies (a comparison) or that says several other things (an industry story with the subject as one
    /// example). A one-sentence brief whose lead opens with the subject is about it.
    /// </summary>
    public bool IsPassingMention =>
        SubjectSentences <= 1 && !SubjectLeads && (TopOtherShare > 0 || Sentences >= LongEnoughToBeAboutSomethingElse);
}
