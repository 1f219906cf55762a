using NewsWatch.Assessment.Matching;
using NewsWatch.Assessment.Text;

namespace NewsWatch.Assessment;

/// <summary>
/// Which company a sentence that names none is about ("The company said…", "It has…"): the topic of
/// the sentences before it. A sentence's topic is the company named in subject position (within its
/// first few tokens); a company named only later does not displace the running topic ("The company is
/// in talks with BAIC" stays about the company); with no running topic, the first company named. A
/// topic lapses after a few sentences without any company. Computed once per article and shared by
/// relevance (what the subject's sentences talk about) and approval attribution (whose approval).
/// </summary>
internal static class DiscourseTopics
{
    /// <summary>Sentences naming no company that still continue the last topic.</summary>
    private const int MaxCarriedSentences = 3;

    /// <summary>A company named within this many tokens of the sentence start is taken as its grammatical subject.</summary>
    private const int SubjectPositionTokens = 5;

    /// <summary>For each sentence, the party index its company-less references point to, or -1.</summary>
    public static int[] Inherited(string text, IReadOnlyList<AnalyzedSentence> sentences, IReadOnlyList<TermMatch> matches, AssessmentVocabulary vocabulary)
    {
        var inherited = new int[sentences.Count];
        int topic = -1, left = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            inherited[s] = left > 0 ? topic : -1;
            var sentence = sentences[s];
            var named = false;
            for (var i = sentence.FirstMatch; i < sentence.MatchEnd; i++)
            {
                var info = vocabulary[matches[i].TermId];
                // "Xiaomi 15" names the company as much as "Xiaomi" does.
                if (!info.Kind.IsParty() && info.Kind != TermKind.SubjectOtherProduct)
                {
                    continue;
                }

                var inSubjectPosition = Scripts.CountTokens(text.AsSpan(sentence.Start, matches[i].Start - sentence.Start)) < SubjectPositionTokens;
                topic = inSubjectPosition || inherited[s] < 0 ? info.Ref : inherited[s];
                named = true;
                break;
            }

            left = named ? MaxCarriedSentences : left - 1;
        }

        return inherited;
    }
}
