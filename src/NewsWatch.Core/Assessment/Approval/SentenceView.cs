using NewsWatch.Assessment.Matching;
using NewsWatch.Assessment.Text;

namespace NewsWatch.Assessment.Approval;

/// <summary>
/// The matches of one sentence with what status rules need from them: clause membership and token
/// distances. Distances count every matched term as one token, so a long regulator name between a
/// verb and its object ("拿到国家发展和改革委员会的批文") does not push them apart.
/// </summary>
internal readonly ref struct SentenceView
{
    private readonly AnalyzedText _text;
    private readonly ReadOnlySpan<int> _clauses;

    public SentenceView(AnalyzedText text, in AnalyzedSentence sentence, Span<int> clauseBuffer)
    {
        _text = text;
        Sentence = sentence;

        // A clause opens at each clause-starting conjunction (including any other term on the same
        // words, e.g. "since" as conjunction and as backstory cue) and after each semicolon.
        var clauses = clauseBuffer[..sentence.MatchCount];
        clauses.Clear();
        for (var b = 0; b < sentence.MatchCount; b++)
        {
            var breaker = text.Matches[sentence.FirstMatch + b];
            if (text.Vocabulary[breaker.TermId].Kind != TermKind.ClauseBreak)
            {
                continue;
            }

            for (var i = 0; i < clauses.Length; i++)
            {
                clauses[i] += text.Matches[sentence.FirstMatch + i].Start >= breaker.Start ? 1 : 0;
            }
        }

        var semicolons = 0;
        var scanned = sentence.Start;
        for (var i = 0; i < clauses.Length; i++)
        {
            var start = text.Matches[sentence.FirstMatch + i].Start;
            if (start > scanned)
            {
                semicolons += CountSemicolons(text.Text.AsSpan(scanned, start - scanned));
                scanned = start;
            }

            clauses[i] += semicolons;
        }

        _clauses = clauses;
    }

    public AnalyzedSentence Sentence { get; }

    public int Count => Sentence.MatchCount;

    public AnalyzedText Text => _text;

    public TermMatch this[int i] => _text.Matches[Sentence.FirstMatch + i];

    public ref readonly TermInfo Info(int i) => ref _text.Vocabulary[this[i].TermId];

    public TermKind Kind(int i) => Info(i).Kind;

    public int Clause(int i) => _clauses[i];

    public string MatchText(int i) => _text.Text[this[i].Start..this[i].End];

    /// <summary>The sentence's text; offsets into it are match offsets minus <c>Sentence.Start</c>.</summary>
    public ReadOnlySpan<char> Chars => _text.Text.AsSpan(Sentence.Start, Sentence.End - Sentence.Start);

    /// <summary>Tokens between two matches, whichever comes first.</summary>
    public int TokensApart(int a, int b) =>
        this[a].End <= this[b].Start ? TokensBetween(this[a].End, this[b].Start) : TokensBetween(this[b].End, this[a].Start);

    public bool Any(TermKind kind)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Kind(i) == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tokens strictly between two positions, each matched term counting as one.</summary>
    public int TokensBetween(int from, int to)
    {
        if (to <= from)
        {
            return 0;
        }

        var tokens = Scripts.CountTokens(_text.Text.AsSpan(from, to - from));
        for (var i = 0; i < Count; i++)
        {
            var m = this[i];
            if (m.Start >= from && m.End <= to)
            {
                tokens -= Scripts.CountTokens(_text.Text.AsSpan(m.Start, m.End - m.Start)) - 1;
            }
        }

        return tokens;
    }

    /// <summary>
    /// The nearest match of <paramref name="kind"/> in the clause of <paramref name="target"/> that
    /// applies to it: a cue scoped right must come before it, one scoped left after it, within
    /// <paramref name="window"/> tokens, with no other approval word in between (a cue attaches to
    /// the nearest one: in "beyond the NDRC's approval, the ministry's consent is needed", "needed"
    /// is said of the consent). Returns -1 when none applies.
    /// </summary>
    public int FindCue(int target, TermKind kind, int window) => FindCue(target, kind, window, out _);

    /// <inheritdoc cref="FindCue(int, TermKind, int)"/>
    /// <param name="distance">Tokens between the cue and the target; int.MaxValue when none applies.</param>
    public int FindCue(int target, TermKind kind, int window, out int distance)
    {
        var t = this[target];
        int best = -1, bestDistance = int.MaxValue;
        for (var i = 0; i < Count; i++)
        {
            if (i == target || Kind(i) != kind || Clause(i) != Clause(target) || NounBetween(i, target))
            {
                continue;
            }

            var c = this[i];
            var scope = Info(i).Scope;
            var tokens = c.End <= t.Start && scope != CueScope.Left ? TokensBetween(c.End, t.Start)
                : c.Start >= t.End && scope != CueScope.Right ? TokensBetween(t.End, c.Start)
                : int.MaxValue;
            if (tokens <= window && tokens < bestDistance)
            {
                best = i;
                bestDistance = tokens;
            }
        }

        distance = bestDistance;
        return best;
    }

    /// <summary>The nearest match of <paramref name="kind"/> within <paramref name="window"/> tokens on either side, same clause.</summary>
    public int FindNear(int target, TermKind kind, int window)
    {
        int best = -1, bestDistance = int.MaxValue;
        for (var i = 0; i < Count; i++)
        {
            if (i == target || Kind(i) != kind || Clause(i) != Clause(target))
            {
                continue;
            }

            var distance = TokensApart(i, target);
            if (distance <= window && distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// True when the cue should attach to another approval noun first: one lies strictly between the
    /// cue and a target that is itself a noun. Verbs are not shielded by nouns, since a verb's own
    /// object sits between ("before [the qualification] is formally granted").
    /// </summary>
    private bool NounBetween(int cue, int target)
    {
        if (Kind(target) is not (TermKind.ApprovalNoun or TermKind.LicenceNoun))
        {
            return false;
        }

        var (from, to) = cue < target ? (this[cue].End, this[target].Start) : (this[target].End, this[cue].Start);
        for (var i = 0; i < Count; i++)
        {
            var m = this[i];
            if (m.Start >= from && m.End <= to && Kind(i) is TermKind.ApprovalNoun or TermKind.LicenceNoun)
            {
                return true;
            }
        }

        return false;
    }

    private static int CountSemicolons(ReadOnlySpan<char> span) => span.Count(';') + span.Count('；');
}
