using NewsWatch.Assessment.Matching;
using NewsWatch.Assessment.Text;

namespace NewsWatch.Assessment.Approval;

/// <summary>
/// Finds the sentences that say something about an approval for the watched subject. For each
/// approval word it asks: whose approval is it (<see cref="NearestParty"/>; a sentence naming no
/// company continues the one the previous sentences were about, or — at the start of an excerpt —
/// anticipates the one the next sentence names), is it regulatory
/// (a named regulator, an authority or a licence word in view), is it a recall or investigation
/// instead, and what status do the words around it give (<see cref="ApprovalStatusClassifier"/>).
/// Within one sentence, the last statement about a regulator wins: "listed in the catalogue, a step
/// needed to obtain the licence" is pending, "after months of delays, it has received approval" granted —
/// except that a statement told as backstory never replaces one that is not.
/// </summary>
internal static class ApprovalClaimExtractor
{
    private const int MaxIgnoredReasons = 5;

    /// <summary>Relative pronoun to the grant verb it introduces, tokens: "which in 2023 won", "der bereits erhalten".</summary>
    public const int RelativeWindow = 5;

    /// <summary>Longest comma-fronted stretch read as the next clause's adverbial: "Nel frattempo, a luglio, …", "2024年,".</summary>
    private const int MaxFrontedWords = 3;

    private const int MaxFrontedCjkChars = 6;

    public static List<ApprovalClaim> Extract(AnalyzedText text, bool articleIsRelevant, DateTimeOffset? published, List<AssessmentReason> reasons)
    {
        var claims = new List<ApprovalClaim>();
        var ignored = 0;
        // Weak evidence (an approval named with no status) counts only in an article about the subject that is not
        // about a recall or an investigation; decided once per article, not per approval word.
        var weakEvidenceCounts = articleIsRelevant && !text.Any(TermKind.NonApproval);
        Span<int> clauseBuffer = stackalloc int[256];
        for (var si = 0; si < text.Sentences.Count; si++)
        {
            var sentence = text.Sentences[si];
            var buffer = sentence.MatchCount <= clauseBuffer.Length ? clauseBuffer : new int[sentence.MatchCount];
            var v = new SentenceView(text, sentence, buffer);
            // At the start of an excerpt nothing is carried yet: the next sentence may name the company.
            var inherited = text.InheritedParty[si] >= 0 ? text.InheritedParty[si]
                : si + 1 < text.Sentences.Count ? FirstParty(text, text.Sentences[si + 1])
                : -1;
            ExtractSentence(v, si, inherited, articleIsRelevant, weakEvidenceCounts, published, claims, reasons, ref ignored);
        }

        // Wording the vocabulary lacks is the usual reason an approval's status goes unread; an article that names
        // the approval and states no status in any sentence is reported as pending with that reason, never as a
        // grant, and a statement anywhere else outweighs it.
        if (claims.Exists(c => !c.IsUnstated))
        {
            claims.RemoveAll(c => c.IsUnstated);
        }

        return claims;
    }

    private static void ExtractSentence(
        in SentenceView v, int sentenceIndex, int inheritedParty, bool articleIsRelevant, bool weakEvidenceCounts, DateTimeOffset? published,
        List<ApprovalClaim> claims, List<AssessmentReason> reasons, ref int ignored)
    {
        var firstClaim = claims.Count;
        var notedSentence = false;
        var filing = -1;
        for (var a = 0; a < v.Count; a++)
        {
            if (!v.Kind(a).IsApprovalAnchor())
            {
                continue;
            }

            var verdict = ApprovalStatusClassifier.Classify(v, a);
            if (verdict.Status == ApprovalStatus.Granted && IsQuestion(v))
            {
                // "资质到手了？", "Has Xiaomi finally got its licence?": a grant asked about is not reported; the
                // question only names the approval, and the sentences that answer it decide.
                verdict = verdict with { Status = null };
            }

            var unstated = verdict.Status is null;
            var status = verdict.Status ?? ApprovalStatus.Pending;

            // Only a filing or wait is read as the brand owner's: "a blow to the Xiaomi brand" beside another
            // company's grant must not become Xiaomi's grant.
            var party = status != ApprovalStatus.Granted && NamesSubjectAsBrand(v) ? AssessmentVocabulary.Subject : NearestParty(v, a);
            var explicitSubject = party == AssessmentVocabulary.Subject;
            if (party < 0)
            {
                party = inheritedParty;
            }

            if (WhyNotCounted(v, sentenceIndex, a, party, articleIsRelevant) is { } why)
            {
                if (!unstated && !notedSentence && ignored++ < MaxIgnoredReasons)
                {
                    notedSentence = true;
                    reasons.Add(new AssessmentReason("approval-ignored", $"{status.ToString().ToLowerInvariant()} '{v.MatchText(a)}' not counted: {why}", v.Text.SentenceString(v.Sentence)));
                }

                continue;
            }

            var regulator = NearestRegulator(v, a);
            var focus = ApprovalStatusClassifier.Focus(v, a);
            // A wait or a requirement points ahead; a filing or a grant happened.
            var ahead = verdict.Status == ApprovalStatus.Pending && verdict.Cue >= 0 && v.Kind(verdict.Cue) is TermKind.PendingCue or TermKind.RequirementCue;
            var past = verdict.IsBackground ? "past perfect or 'previously'" : PastPlacement(v, focus, published, ahead);
            var backstory = past ?? RelativeClause(v, focus);
            if (unstated && (!weakEvidenceCounts || backstory is not null || claims.Exists(c => c.Sentence == sentenceIndex)
                || !IsPlainMention(v, published)))
            {
                continue;
            }

            var claim = new ApprovalClaim(
                sentenceIndex,
                v.Sentence.Zone,
                regulator,
                KindCues(v, a),
                status,
                backstory is not null,
                v.Any(TermKind.HedgeCue),
                verdict.IsRequirement,
                explicitSubject && regulator >= 0,
                v.MatchText(a),
                verdict.Cue >= 0 ? v.MatchText(verdict.Cue) : v.MatchText(a))
            {
                Model = NearestModel(v, a),
                Backstory = backstory,
                IsPast = past is not null,
                IsUnstated = unstated,
            };

            // One statement per regulator and sentence; a later one in the sentence replaces an earlier one,
            // unless only the earlier one is the news ("X has received approval, which it had applied for") or the
            // earlier one is the filing the grant word sits in ("in the MIIT's draft notice, Xiaomi is entered as
            // the maker": entered in a draft, not listed).
            var isFiling = verdict.Cue >= 0 && v.Kind(verdict.Cue) == TermKind.FilingCue && !claim.IsBackground;
            var existing = claims.FindIndex(firstClaim, c => c.Regulator == regulator);
            if (existing >= 0)
            {
                var keepsFiling = existing == filing && claim.Status == ApprovalStatus.Granted;
                if ((!claim.IsBackground || claims[existing].IsBackground) && !keepsFiling)
                {
                    claims[existing] = claim;
                    filing = isFiling ? existing : filing == existing ? -1 : filing;
                }
            }
            else
            {
                claims.Add(claim);
                filing = isFiling ? claims.Count - 1 : filing;
            }
        }
    }

    /// <summary>Null when the statement counts for the subject, else why not (shown with the article).</summary>
    private static string? WhyNotCounted(in SentenceView v, int sentenceIndex, int anchor, int party, bool articleIsRelevant)
    {
        if (party < 0)
        {
            return "no company in view";
        }

        if (party != AssessmentVocabulary.Subject)
        {
            return $"about {v.Text.Vocabulary.PartyNames[party]}";
        }

        if (v.Any(TermKind.NonApproval))
        {
            return "a recall or investigation, not an approval";
        }

        if (ContinuesRecall(v, sentenceIndex))
        {
            return "the recall of the sentence before, not an approval";
        }

        if (!IsRegulatory(v, sentenceIndex, anchor))
        {
            return "no regulator or authority in view";
        }

        // An article about something else mentions the subject's approvals in passing; only its headline or lead
        // could make one the news.
        return articleIsRelevant ? null
            : !HasTopic(v) ? "not about the watched business"
            : v.Sentence.Zone == TextZone.Body ? "an aside in an article about something else"
            : null;
    }

    /// <summary>
    /// "SAMR announced a recall of 116,887 SU7s. The agency approved the plan the company submitted": a grant that
    /// names no kind of approval, right after a recall in its paragraph, approves that recall.
    /// </summary>
    private static bool ContinuesRecall(in SentenceView v, int sentenceIndex)
    {
        if (sentenceIndex == 0 || v.Any(TermKind.KindCue) || v.Any(TermKind.SubjectProduct))
        {
            return false;
        }

        var before = v.Text.Sentences[sentenceIndex - 1];
        return before.Paragraph == v.Sentence.Paragraph && v.Text.Holds(before, TermKind.NonApproval);
    }

    private static bool IsQuestion(in SentenceView v)
    {
        // Closing quotes and brackets may follow the mark: "「…到手了？」".
        var end = v.Chars.TrimEnd().TrimEnd("\"'”」』)）");
        return end.Length > 0 && end[^1] is '?' or '？';
    }

    /// <summary>
    /// An approval named without a status counts only as weak evidence, so only where nothing else could explain
    /// it: in a sentence with no mark of time gone by anywhere in it (a past perfect, "last month", a relative or
    /// temporal clause, a date before the article) — an aside like "months after it entered the catalogue" names a
    /// grant as history.
    /// </summary>
    private static bool IsPlainMention(in SentenceView v, DateTimeOffset? published)
    {
        for (var i = 0; i < v.Count; i++)
        {
            if (v.Kind(i) is TermKind.BackgroundCue or TermKind.PastTimeCue or TermKind.RelativeCue or TermKind.TimeClauseCue
                or TermKind.RetrospectiveCue or TermKind.PastPendingCue)
            {
                return false;
            }
        }

        return published is not { } date || !v.Text.Vocabulary.TimeAnchors.DatesBefore(v.Chars, date, out _);
    }

    /// <summary>
    /// The company an approval word belongs to: the nearest named before it in its own clause, else
    /// after it in its clause. A clause naming no company ("…because it has been held up in getting a
    /// licence") usually continues the sentence's main subject; in an article assessed for the subject,
    /// that is the subject when the sentence named it before the clause, else the nearest company named
    /// before, else after.
    /// </summary>
    private static int NearestParty(in SentenceView v, int anchor)
    {
        int beforeClause = -1, before = -1, afterClause = -1, after = -1;
        var subjectBefore = false;
        for (var i = 0; i < v.Count; i++)
        {
            if (!v.Kind(i).IsParty())
            {
                continue;
            }

            var party = v.Info(i).Ref;
            var sameClause = v.Clause(i) == v.Clause(anchor);
            if (i < anchor)
            {
                subjectBefore |= party == AssessmentVocabulary.Subject && !sameClause;
                before = party;
                beforeClause = sameClause ? party : beforeClause;
            }
            else if (after < 0)
            {
                after = party;
                afterClause = sameClause ? party : afterClause;
            }
            else if (afterClause < 0 && sameClause)
            {
                afterClause = party;
            }
        }

        return beforeClause >= 0 ? beforeClause
            : afterClause >= 0 ? afterClause
            : subjectBefore ? AssessmentVocabulary.Subject
            : before >= 0 ? before
            : after;
    }

    /// <summary>Tokens between a brand word and the subject's name for the name to be the brand ("de marque Xiaomi").</summary>
    private const int BrandWindow = 1;

    /// <summary>
    /// The sentence names the subject as the brand of what is approved ("two sedans carrying the Xiaomi brand",
    /// "Xiaomi-branded cars", "deux berlines de marque Xiaomi"): a contract manufacturer's filing for them is the
    /// subject's pending approval, whoever files it.
    /// </summary>
    private static bool NamesSubjectAsBrand(in SentenceView v)
    {
        for (var b = 0; b < v.Count; b++)
        {
            if (v.Kind(b) != TermKind.BrandCue)
            {
                continue;
            }

            for (var i = 0; i < v.Count; i++)
            {
                if (v.Kind(i).IsParty() && v.Info(i).Ref == AssessmentVocabulary.Subject
                    && v.TokensApart(i, b) <= BrandWindow)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Why a statement is said in passing rather than as the news, or null: the verb opens a relative or temporal
    /// clause ("which won…", "after the planner cleared it"). A grant said so is backstory; a wait or an
    /// expectation may still be current ("once it has approval, which is expected…").
    /// </summary>
    private static string? RelativeClause(in SentenceView v, int focus)
    {
        var at = v[focus];
        var sentence = v.Chars;
        var from = at.Start - v.Sentence.Start;
        for (var i = 0; i < v.Count; i++)
        {
            if (v.Kind(i) != TermKind.RelativeCue || v[i].End > at.Start || v.Clause(i) != v.Clause(focus))
            {
                continue;
            }

            var gap = sentence[(v[i].End - v.Sentence.Start)..from];
            if (gap.IndexOfAny(SegmentMarks) < 0 && v.TokensBetween(v[i].End, at.Start) <= RelativeWindow)
            {
                return $"in a clause opened by '{v.MatchText(i)}'";
            }
        }

        return null;
    }

    /// <summary>
    /// Why a statement of any status is history, or null: the sentence is a retrospective, or the stretch of the
    /// sentence around the verb (up to the nearest comma or clause mark) places it in the past ("last year", or a
    /// date well before the article's own). A stretch that opens with a relative or temporal word ("…last
    /// December, when it filed…") belongs to the time before it.
    /// </summary>
    private static string? PastPlacement(in SentenceView v, int focus, DateTimeOffset? published, bool ahead)
    {
        if (v.Any(TermKind.RetrospectiveCue))
        {
            return "a retrospective";
        }

        var at = v[focus];
        var sentence = v.Chars;
        var from = at.Start - v.Sentence.Start;
        var to = at.End - v.Sentence.Start;
        var start = sentence[..from].LastIndexOfAny(SegmentMarks) + 1;
        if (start > 0 && (OpensWithRelative(v, start) || IsFrontedAdverbial(sentence, start)))
        {
            start = sentence[..(start - 1)].LastIndexOfAny(SegmentMarks) + 1;
        }

        var endOffset = sentence[to..].IndexOfAny(SegmentMarks);
        var end = endOffset < 0 ? sentence.Length : to + endOffset;

        // A quoted idiom ("帮小米SU7“上户口”", "a « feu vert »") is a word of its clause, not a clause of its own.
        if (start > 0 && end < sentence.Length && IsQuote(sentence[start - 1]) && IsQuote(sentence[end])
            && sentence[start..end].Trim().Length == to - from)
        {
            start = sentence[..(start - 1)].LastIndexOfAny(SegmentMarks) + 1;
            var after = sentence[(end + 1)..].IndexOfAny(SegmentMarks);
            end = after < 0 ? sentence.Length : end + 1 + after;
        }

        (start, end) = WithinHeadlineClause(sentence, start, end, from, to);
        var future = false;
        for (var i = 0; i < v.Count; i++)
        {
            var m = v[i];
            var inSegment = m.Start - v.Sentence.Start >= start && m.End - v.Sentence.Start <= end;
            if (v.Kind(i) == TermKind.PastTimeCue && inSegment)
            {
                return $"placed in the past ('{v.MatchText(i)}')";
            }

            future |= v.Kind(i) == TermKind.FutureTimeCue && inSegment;
        }

        return !future && published is { } date && v.Text.Vocabulary.TimeAnchors.DatesBefore(sentence[start..end], date, out var anchor, ahead)
            ? $"dated '{anchor}', before the article ({date:yyyy-MM-dd})"
            : null;
    }

    /// <summary>
    /// Chinese and Japanese headlines separate their clauses with a space ("新一代SU7列入目錄 4月上市": listed, and
    /// on sale in April), so a space between a Han or kana character and another or a figure ends the stretch too;
    /// a space before a Latin word does not ("小米 SU7").
    /// </summary>
    private static (int Start, int End) WithinHeadlineClause(ReadOnlySpan<char> sentence, int start, int end, int from, int to)
    {
        for (var i = from - 1; i > start; i--)
        {
            if (IsClauseSpace(sentence, i))
            {
                start = i + 1;
                break;
            }
        }

        for (var i = to; i < end; i++)
        {
            if (IsClauseSpace(sentence, i))
            {
                end = i;
                break;
            }
        }

        return (start, end);
    }

    /// <summary>
    /// A short stretch set off by a comma before the clause is its adverbial ("Nel frattempo, a luglio, Xiaomi ha
    /// ottenuto…", "In 2023, it won…"): its time is the clause's.
    /// </summary>
    private static bool IsFrontedAdverbial(ReadOnlySpan<char> sentence, int start)
    {
        if (sentence[start - 1] is not (',' or '，'))
        {
            return false;
        }

        var before = sentence[..(start - 1)];
        var stretch = before[(before.LastIndexOfAny(SegmentMarks) + 1)..].Trim();
        return stretch.Length > 0 && (stretch.ContainsAnyInRange('\u3040', '\u9fff')
            ? stretch.Length <= MaxFrontedCjkChars
            : stretch.Count(' ') + 1 <= MaxFrontedWords);
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '「' or '」';

    private static bool IsClauseSpace(ReadOnlySpan<char> s, int i) =>
        s[i] == '\u3000'
        || (s[i] == ' ' && i > 0 && i + 1 < s.Length && Scripts.IsCjk(s[i - 1]) && (Scripts.IsCjk(s[i + 1]) || char.IsAsciiDigit(s[i + 1])));

    private static bool OpensWithRelative(in SentenceView v, int offset)
    {
        var sentence = v.Chars;
        var first = offset + (sentence[offset..].Length - sentence[offset..].TrimStart().Length);
        for (var i = 0; i < v.Count; i++)
        {
            if (v.Kind(i) is TermKind.RelativeCue or TermKind.TimeClauseCue && v[i].Start - v.Sentence.Start == first)
            {
                return true;
            }
        }

        return false;
    }

    // Where a stretch of a sentence ends for time and clause purposes; hyphens are too common inside names.
    private static readonly System.Buffers.SearchValues<char> SegmentMarks =
        System.Buffers.SearchValues.Create(",;:()，；：（）—–\"“”「」");

    /// <summary>The subject's model named nearest to the approval word in its sentence, or -1.</summary>
    private static int NearestModel(in SentenceView v, int anchor)
    {
        var at = v[anchor];
        int best = -1, bestDistance = int.MaxValue;
        for (var i = 0; i < v.Count; i++)
        {
            if (v.Kind(i) != TermKind.SubjectProduct || v.Info(i).KindRef < 0)
            {
                continue;
            }

            var m = v[i];
            var distance = m.End <= at.Start ? at.Start - m.End : m.Start - at.End;
            if (distance < bestDistance)
            {
                best = v.Info(i).KindRef;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int FirstParty(AnalyzedText text, in AnalyzedSentence s)
    {
        for (var i = s.FirstMatch; i < s.MatchEnd; i++)
        {
            var info = text.Info(text.Matches[i]);
            if (info.Kind.IsParty())
            {
                return info.Ref;
            }
        }

        return -1;
    }

    private static int NearestRegulator(in SentenceView v, int anchor)
    {
        var at = v[anchor];
        int best = -1, bestDistance = int.MaxValue;
        for (var i = 0; i < v.Count; i++)
        {
            if (v.Kind(i) != TermKind.Regulator)
            {
                continue;
            }

            var m = v[i];
            var distance = m.End <= at.Start ? at.Start - m.End : m.Start - at.End;
            if (distance < bestDistance)
            {
                best = v.Info(i).Ref;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// A licence word is regulatory by itself; "approval" or "green light" only with a regulator or
    /// authority in the sentence or next to it ("… the Chinese authorities. This permission is now here."),
    /// and for a headline anywhere in the lead it stands over ("cleared to build cars under its own name" over a
    /// lead that names the ministry in its second sentence).
    /// </summary>
    private static bool IsRegulatory(in SentenceView v, int sentenceIndex, int anchor)
    {
        if (v.Kind(anchor) == TermKind.LicenceNoun || HasAuthority(v.Text, v.Sentence) || v.Any(TermKind.LicenceNoun))
        {
            return true;
        }

        var sentences = v.Text.Sentences;
        var last = Math.Min(sentenceIndex + 1, sentences.Count - 1);
        if (v.Sentence.Zone == TextZone.Title)
        {
            while (last + 1 < sentences.Count && sentences[last + 1].Zone != TextZone.Body)
            {
                last++;
            }
        }

        for (var s = Math.Max(sentenceIndex - 1, 0); s <= last; s++)
        {
            if (s != sentenceIndex && HasAuthority(v.Text, sentences[s]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAuthority(AnalyzedText text, in AnalyzedSentence s) =>
        text.Holds(s, TermKind.Regulator) || text.Holds(s, TermKind.Authority);

    private static bool HasTopic(in SentenceView v) =>
        v.Any(TermKind.Topic) || v.Any(TermKind.BusinessFraming) || v.Any(TermKind.SubjectBusiness) || v.Any(TermKind.SubjectProduct);

    /// <summary>
    /// The sentence's kind cues, nearest the approval word first: "the MIIT notice shows it has obtained a production
    /// qualification" names the qualification beside the grant and the notice only as the source.
    /// </summary>
    private static int[] KindCues(in SentenceView v, int anchor)
    {
        var cues = new List<(int Distance, int Kind)>();
        for (var i = 0; i < v.Count; i++)
        {
            if (v.Kind(i) == TermKind.KindCue)
            {
                cues.Add((Math.Abs(i - anchor), ApprovalClaim.PackKind(v.Info(i).Ref, v.Info(i).KindRef)));
            }
        }

        // OrderBy is stable: cues at equal distance keep their sentence order.
        return [.. cues.OrderBy(c => c.Distance).Select(c => c.Kind)];
    }
}
