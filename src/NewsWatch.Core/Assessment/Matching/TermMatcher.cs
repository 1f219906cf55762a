using NewsWatch.Assessment.Text;

namespace NewsWatch.Assessment.Matching;

/// <summary>One occurrence of a vocabulary term in a text.</summary>
/// <param name="Start">Index of the first matched character in the original text.</param>
/// <param name="End">Index one past the last matched character.</param>
/// <param name="TermId">The id the term was added with.</param>
internal readonly record struct TermMatch(int Start, int End, int TermId);

/// <summary>
/// Finds every vocabulary term in a text in one left-to-right pass (Aho–Corasick automaton over
/// folded characters), so the cost is linear in the text whatever the size of the vocabulary.
/// Pattern syntax: a trailing <c>*</c> drops the right word boundary (a stem: "approv*" matches
/// "approved"), a leading <c>*</c> drops the left one (German compounds: "*genehmigung").
/// Alphabetic terms otherwise match whole words; Han and kana terms match anywhere; Hangul terms
/// need only a left boundary because Korean particles follow the noun. Runs of spaces in the
/// text count as one space. Where terms overlap, the longest wins (a lexer's rule): "Xiaomi Auto"
/// hides "Xiaomi" and "auto", "未获批" hides "获批". Overlay terms (added with <c>overlay: true</c>) take
/// no part in that: they are found beside whatever they overlap, so a classifying phrase ("production
/// qualification") does not hide the words inside it that other rules read ("qualification").
/// </summary>
internal sealed class TermMatcher
{
    // Transitions: a dense table for the root (most characters of a text leave the root unchanged,
    // so that lookup must be one array read), and for every other state its children sorted by
    // character in one flat array (few children each: a short linear scan).
    private readonly int[] _root;
    private readonly int[] _childStart;
    private readonly char[] _childChars;
    private readonly int[] _childTargets;
    private readonly int[] _fail;
    private readonly int[] _outputLink;
    private readonly Pattern[][] _outputs;
    private readonly int _maxLength;

    private readonly HashSet<int> _overlays;

    private TermMatcher(Dictionary<long, int> next, int stateCount, int[] fail, int[] outputLink, Pattern[][] outputs, int maxLength, HashSet<int> overlays)
    {
        _overlays = overlays;
        _root = new int[char.MaxValue + 1];
        var edges = next.Select(e => (From: (int)(e.Key >> 16), C: (char)(e.Key & 0xFFFF), To: e.Value))
            .OrderBy(e => e.From).ThenBy(e => e.C).ToArray();
        _childStart = new int[stateCount + 1];
        _childChars = new char[edges.Length];
        _childTargets = new int[edges.Length];
        for (var i = 0; i < edges.Length; i++)
        {
            var (from, c, to) = edges[i];
            if (from == 0)
            {
                _root[c] = to;
            }

            _childStart[from + 1]++;
            _childChars[i] = c;
            _childTargets[i] = to;
        }

        for (var s = 0; s < stateCount; s++)
        {
            _childStart[s + 1] += _childStart[s];
        }

        _fail = fail;
        _outputLink = outputLink;
        _outputs = outputs;
        _maxLength = maxLength;
    }

    /// <summary>Appends the matches in <paramref name="text"/> to <paramref name="output"/>, ordered by start (longest first).</summary>
    public void FindAll(string text, List<TermMatch> output)
    {
        var first = output.Count;
        if (_maxLength == 0)
        {
            return;
        }

        // Original index of each of the last _maxLength fed characters, to recover a match's start.
        Span<int> ring = _maxLength <= 256 ? stackalloc int[_maxLength] : new int[_maxLength];
        var fed = 0;
        var state = 0;
        var previousWasSpace = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = TextFolding.Fold(text[i]);
            if (c == ' ')
            {
                if (previousWasSpace)
                {
                    continue;
                }

                previousWasSpace = true;
            }
            else
            {
                previousWasSpace = false;
            }

            ring[fed % _maxLength] = i;
            fed++;
            state = Step(state, c);
            for (var s = _outputs[state].Length > 0 ? state : _outputLink[state]; s > 0; s = _outputLink[s])
            {
                foreach (var p in _outputs[s])
                {
                    var start = ring[(fed - p.Length) % _maxLength];
                    if (HasBoundaries(text, start, i + 1, p))
                    {
                        output.Add(new TermMatch(start, i + 1, p.Id));
                    }
                }
            }
        }

        KeepLongest(output, first, _overlays);
    }

    private int Step(int state, char c)
    {
        while (state != 0)
        {
            for (var i = _childStart[state]; i < _childStart[state + 1]; i++)
            {
                if (_childChars[i] == c)
                {
                    return _childTargets[i];
                }
            }

            state = _fail[state];
        }

        return _root[c];
    }

    // Korean particles attach to the word before them, Latin names too ("YU7이", "SU7을"): a change of script
    // from Latin to Hangul is a word boundary.
    private static bool HasBoundaries(string text, int start, int end, Pattern p) =>
        (!p.LeftBoundary || start == 0 || !Scripts.IsWordChar(text[start - 1]))
        && (!p.RightBoundary || end == text.Length || !Scripts.IsWordChar(text[end])
            || (Scripts.IsHangul(text[end]) && !Scripts.IsHangul(text[end - 1])));

    private static void KeepLongest(List<TermMatch> matches, int first, HashSet<int> overlays)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(matches)[first..];
        span.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var write = first;
        int coverStart = -1, coverEnd = -1;
        for (var read = first; read < matches.Count; read++)
        {
            var m = matches[read];
            if (overlays.Contains(m.TermId))
            {
                matches[write++] = m;
                continue;
            }

            var hidden = m.End <= coverEnd && !(m.Start == coverStart && m.End == coverEnd);
            if (hidden)
            {
                continue;
            }

            if (m.End > coverEnd)
            {
                coverStart = m.Start;
                coverEnd = m.End;
            }

            matches[write++] = m;
        }

        matches.RemoveRange(write, matches.Count - write);
    }

    private static long Key(int state, char c) => ((long)state << 16) | c;

    private readonly record struct Pattern(int Id, int Length, bool LeftBoundary, bool RightBoundary);

    /// <summary>Collects terms, then compiles them into an immutable matcher.</summary>
    public sealed class Builder
    {
        private readonly List<(string Folded, Pattern Pattern)> _terms = [];

        /// <summary>Adds <paramref name="term"/> (pattern syntax above). Returns false for a blank term.</summary>
        private readonly HashSet<int> _overlays = [];

        public bool Add(string term, int id, bool overlay = false)
        {
            ArgumentNullException.ThrowIfNull(term);
            var t = term.Trim();
            var openLeft = t.StartsWith('*');
            var openRight = t.EndsWith('*');
            t = CollapseSpaces(TextFolding.Fold(t.Trim('*').Trim()));
            if (t.Length == 0)
            {
                return false;
            }

            var left = !openLeft && Scripts.IsWordChar(t[0]) && !Scripts.IsCjk(t[0]);
            var right = !openRight && Scripts.IsWordChar(t[^1]) && !Scripts.IsCjk(t[^1]) && !Scripts.IsHangul(t[^1]);
            _terms.Add((t, new Pattern(id, t.Length, left, right)));
            if (overlay)
            {
                _overlays.Add(id);
            }

            return true;
        }

        public TermMatcher Build()
        {
            var next = new Dictionary<long, int>();
            var outputs = new List<List<Pattern>> { new() };
            var depthOrder = new List<int>();
            foreach (var (folded, pattern) in _terms)
            {
                var state = 0;
                foreach (var c in folded)
                {
                    if (!next.TryGetValue(Key(state, c), out var to))
                    {
                        to = outputs.Count;
                        outputs.Add([]);
                        next[Key(state, c)] = to;
                    }

                    state = to;
                }

                outputs[state].Add(pattern);
            }

            // Failure links by breadth-first order over the trie edges.
            var children = new List<(int From, char C, int To)>[outputs.Count];
            foreach (var (key, to) in next)
            {
                var from = (int)(key >> 16);
                (children[from] ??= []).Add((from, (char)(key & 0xFFFF), to));
            }

            var fail = new int[outputs.Count];
            var outputLink = new int[outputs.Count];
            var queue = new Queue<int>();
            foreach (var (_, _, to) in children[0] ?? [])
            {
                queue.Enqueue(to);
            }

            while (queue.Count > 0)
            {
                var s = queue.Dequeue();
                depthOrder.Add(s);
                foreach (var (_, c, to) in children[s] ?? [])
                {
                    var f = fail[s];
                    while (f != 0 && !next.ContainsKey(Key(f, c)))
                    {
                        f = fail[f];
                    }

                    fail[to] = next.TryGetValue(Key(f, c), out var ft) && ft != to ? ft : 0;
                    outputLink[to] = outputs[fail[to]].Count > 0 ? fail[to] : outputLink[fail[to]];
                    queue.Enqueue(to);
                }
            }

            var maxLength = _terms.Count == 0 ? 0 : _terms.Max(t => t.Folded.Length);
            return new TermMatcher(next, outputs.Count, fail, outputLink, [.. outputs.Select(o => o.ToArray())], maxLength, [.. _overlays]);
        }

        private static string CollapseSpaces(string s)
        {
            var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(' ', parts);
        }
    }
}
