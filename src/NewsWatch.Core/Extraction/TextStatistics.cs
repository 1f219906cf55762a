namespace NewsWatch.Extraction;

/// <summary>Word counting shared by the extractor's report and the evaluation tools.</summary>
public static class TextStatistics
{
    /// <summary>
    /// Words as maximal runs of letters, digits and underscore — the tokenisation of the benchmark's
    /// metric (Python's \w+), so "words" means the same thing in reports and scores.
    /// </summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var isWord = IsWordRune(rune);
            count += isWord && !inWord ? 1 : 0;
            inWord = isWord;
        }

        return count;
    }

    /// <summary>
    /// Python's definition of a \w character for str patterns: alphanumeric (any letter category or
    /// any number category) or underscore. Combining marks are not word characters there, unlike in
    /// .NET's \w, which is why this is not a .NET regex.
    /// </summary>
    public static bool IsWordRune(System.Text.Rune rune)
    {
        if (rune.Value < 0x80)
        {
            var c = (char)rune.Value;
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return System.Text.Rune.GetUnicodeCategory(rune) switch
        {
            System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
                or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
                or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.DecimalDigitNumber
                or System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }
}
