using NewsWatch.Assessment.Text;

namespace NewsWatch.Stories;

/// <summary>
/// Splits text into overlapping shingles, hashed: k consecutive words for space-separated scripts,
/// k consecutive characters for Chinese/Japanese runs (they have no spaces, and characters carry
/// roughly a syllable each). Text is folded first (case, width, traditional/simplified), so a
/// traditional-script reprint shingles like its simplified original.
/// </summary>
internal static class Shingler
{
    public static void Shingle(string text, int wordSize, int cjkSize, HashSet<ulong> output)
    {
        Span<ulong> words = stackalloc ulong[Math.Max(1, wordSize)];
        Span<ulong> chars = stackalloc ulong[Math.Max(1, cjkSize)];
        int wordCount = 0, charCount = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (Scripts.IsCjk(c))
            {
                Push(chars, ref charCount, TextFolding.Fold(c));
                if (charCount >= cjkSize)
                {
                    output.Add(Window(chars, charCount));
                }

                i++;
                continue;
            }

            if (!Scripts.IsWordChar(c))
            {
                i++;
                continue;
            }

            // A word breaks a CJK run and vice versa: shingles never straddle scripts.
            charCount = 0;
            var start = i;
            var h = 14695981039346656037UL;
            while (i < text.Length && Scripts.IsWordChar(text[i]))
            {
                h = (h ^ TextFolding.Fold(text[i])) * 1099511628211UL;
                i++;
            }

            Push(words, ref wordCount, StableHash.Mix(h ^ (ulong)(i - start)));
            if (wordCount >= wordSize)
            {
                output.Add(Window(words, wordCount));
            }
        }

        // Texts shorter than one shingle still get one, so they are not empty.
        if (output.Count == 0 && wordCount > 0)
        {
            output.Add(Window(words, wordCount));
        }
    }

    private static void Push(Span<ulong> ring, ref int count, ulong value)
    {
        ring[count % ring.Length] = value;
        count++;
    }

    private static ulong Window(Span<ulong> ring, int count)
    {
        var size = Math.Min(count, ring.Length);
        var h = 0UL;
        for (var k = count - size; k < count; k++)
        {
            h = StableHash.Combine(h, ring[k % ring.Length]);
        }

        return h;
    }
}
