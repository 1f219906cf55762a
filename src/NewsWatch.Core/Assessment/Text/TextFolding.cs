namespace NewsWatch.Assessment.Text;

/// <summary>
/// One-to-one character folding applied to both vocabulary and text before matching, so spelling
/// variants meet: case, full-width Latin (ＮＤＲＣ), hyphen and dash variants ("go-ahead" = "go ahead"),
/// curly apostrophes, and traditional/Japanese Han forms. Keeping it one character in, one character
/// out means match positions are positions in the original text, with no offset map to allocate.
/// </summary>
internal static class TextFolding
{
    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c switch
            {
                >= 'A' and <= 'Z' => (char)(c + 32),
                '-' or '_' or '\t' or '\n' or '\r' or '\f' or '\v' => ' ',
                '`' => '\'',
                _ => c,
            };
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return Fold((char)(c - 0xFEE0));
        }

        return c switch
        {
            '\u00A0' or '\u3000' or '\u2009' or '\u200A' or '\u202F' => ' ',
            >= '\u2010' and <= '\u2015' or '\u2212' or '\u00B7' or '\u30FB' => ' ',
            '\u2018' or '\u2019' or '\u00B4' or '\u02BC' => '\'',
            _ when Scripts.IsCjk(c) => HanVariants.ToSimplified(c),
            _ => char.ToLowerInvariant(c),
        };
    }

    /// <summary>Folds a whole string; used for vocabulary, never on the hot path.</summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = Fold(s[i]);
        }
    });
}
