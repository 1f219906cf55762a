using System.Collections.Frozen;

namespace NewsWatch.Assessment.Text;

/// <summary>A sentence (or heading line) as a range of the analysed text.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="End">Index one past the last character.</param>
/// <param name="Paragraph">Zero-based line number of the text the sentence sits on.</param>
internal readonly record struct SentenceSpan(int Start, int End, int Paragraph)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits news text into sentences. Lines are always boundaries (scraped text keeps headings,
/// captions and list items on their own lines). Within a line, Chinese/Japanese and Devanagari full
/// stops end a sentence outright; the Latin-script full stop only when the next word starts like a
/// sentence (not lower case) and the word before it is not an abbreviation ("Co.", "U.S.", "No. 2")
/// or a German ordinal after its article ("die 385. Charge", "am 12. Juli").
/// </summary>
internal static class SentenceSegmenter
{
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
        [
            "mr", "mrs", "ms", "dr", "prof", "inc", "co", "corp", "ltd", "st", "no", "nr", "vs", "jr", "sr", "gen", "gov",
            "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
            "fig", "vol", "pp", "bzw", "ca", "dt", "str", "mio", "mrd",
        ],
        StringComparer.OrdinalIgnoreCase);

    // German writes ordinals as a number and a full stop, and capitalises the noun after it; the article or
    // preposition before the number is what tells "die 385. Charge" from a sentence that ends on a figure.
    private static readonly FrozenSet<string> OrdinalDeterminers = FrozenSet.ToFrozenSet(
        [
            "der", "die", "das", "den", "dem", "des", "am", "im", "zum", "zur", "vom", "beim", "bis", "seit", "ab",
            "ihrer", "seiner", "seines", "ihres",
        ],
        StringComparer.OrdinalIgnoreCase);

    public static void Split(string text, List<SentenceSpan> output)
    {
        var paragraph = 0;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            SplitLine(text, lineStart, lineEnd, paragraph, output);
            paragraph++;
            lineStart = lineEnd + 1;
        }
    }

    private static void SplitLine(string text, int from, int to, int paragraph, List<SentenceSpan> output)
    {
        var start = from;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            int end;
            if (c is '。' or '！' or '？' or '；' or '।')
            {
                end = SkipClosers(text, i + 1, to);
            }
            else if (c is '.' or '!' or '?' or '…')
            {
                end = SkipClosers(text, i + 1, to);
                if (!EndsLatinSentence(text, start, i, end, to))
                {
                    continue;
                }
            }
            else
            {
                continue;
            }

            Emit(text, start, end, paragraph, output);
            start = end;
            i = end - 1;
        }

        Emit(text, start, to, paragraph, output);
    }

    private static bool EndsLatinSentence(string text, int sentenceStart, int dot, int afterClosers, int lineEnd)
    {
        if (afterClosers >= lineEnd)
        {
            return true;
        }

        var next = text[afterClosers];
        if (char.IsWhiteSpace(next))
        {
            var k = afterClosers;
            while (k < lineEnd && char.IsWhiteSpace(text[k]))
            {
                k++;
            }

            return k < lineEnd && StartsSentence(text[k])
                && (text[dot] != '.' || (!IsAbbreviation(text, sentenceStart, dot) && !IsOrdinal(text, sentenceStart, dot)));
        }

        // Scraped copy sometimes glues sentences ("position.Once one of"): a full stop between a
        // lower-case word and a capitalised word is a boundary; "U.S." and "Node.js" are not.
        return text[dot] == '.' && dot >= 3 && char.IsLower(text[dot - 1]) && char.IsLower(text[dot - 2])
            && char.IsUpper(next) && afterClosers + 1 < lineEnd && char.IsLower(text[afterClosers + 1]);
    }

    private static bool StartsSentence(char c) =>
        c is '"' or '\'' or '“' or '‘' or '«' or '„' or '(' or '[' or '¿' or '¡' or '—' or '–' or '-'
        || (char.IsLetterOrDigit(c) && !char.IsLower(c));

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var w = dot;
        while (w > sentenceStart && (char.IsLetter(text[w - 1]) || text[w - 1] == '.'))
        {
            w--;
        }

        var word = text.AsSpan(w, dot - w);
        // Initials and dotted acronyms: "J.", "U.S.", "e.g."
        if (word.Length == 1 || (word.Length > 1 && word.Contains('.')))
        {
            return true;
        }

        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static bool IsOrdinal(string text, int sentenceStart, int dot)
    {
        var d = dot;
        while (d > sentenceStart && dot - d < 4 && char.IsAsciiDigit(text[d - 1]))
        {
            d--;
        }

        if (d == dot || (d > sentenceStart && char.IsAsciiDigit(text[d - 1])) || d - 1 <= sentenceStart || text[d - 1] != ' ')
        {
            return false;
        }

        var w = d - 1;
        while (w > sentenceStart && char.IsLetter(text[w - 1]))
        {
            w--;
        }

        return OrdinalDeterminers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(w, d - 1 - w));
    }

    private static int SkipClosers(string text, int i, int to)
    {
        while (i < to && text[i] is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '」' or '』' or '）' or '】')
        {
            i++;
        }

        return i;
    }

    private static void Emit(string text, int start, int end, int paragraph, List<SentenceSpan> output)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            output.Add(new SentenceSpan(start, end, paragraph));
        }
    }
}
