namespace NewsWatch.Assessment.Text;

/// <summary>
/// Character classes the assessment needs. Languages written without spaces (Chinese, Japanese) are
/// matched character by character; alphabetic scripts need word boundaries so that "NIO" does not
/// match inside "union".
/// </summary>
internal static class Scripts
{
    /// <summary>Han ideographs and Japanese kana: scripts where every character is its own token.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3400' and <= '\u4DBF'   // CJK extension A
            or >= '\u4E00' and <= '\u9FFF' // CJK unified ideographs
            or >= '\uF900' and <= '\uFAFF' // compatibility ideographs
            or >= '\u3040' and <= '\u30FF'; // hiragana, katakana

    /// <summary>Hangul syllables: Korean attaches particles to nouns ("샤오미는"), so terms only need a left boundary.</summary>
    public static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';

    /// <summary>A letter or digit of a script that separates words with spaces.</summary>
    public static bool IsWordChar(char c) =>
        !IsCjk(c) && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);

    /// <summary>Counts the tokens in <paramref name="span"/>: runs of word characters, plus one per CJK character.</summary>
    public static int CountTokens(ReadOnlySpan<char> span)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in span)
        {
            if (IsCjk(c))
            {
                count++;
                inWord = false;
            }
            else if (IsWordChar(c))
            {
                if (!inWord)
                {
                    count++;
                }

                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        return count;
    }
}
