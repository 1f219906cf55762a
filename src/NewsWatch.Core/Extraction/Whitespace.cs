using System.Text;

namespace NewsWatch.Extraction;

/// <summary>Whitespace helpers shared by metadata and text code.</summary>
internal static class Whitespace
{
    /// <summary>Trims and collapses every run of whitespace (newlines, NBSP included) to one space.</summary>
    public static string Collapse(string value)
    {
        var span = value.AsSpan().Trim();
        var needsWork = false;
        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsWhiteSpace(span[i]) && (span[i] != ' ' || (i + 1 < span.Length && char.IsWhiteSpace(span[i + 1]))))
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
        {
            return span.Length == value.Length ? value : span.ToString();
        }

        var builder = new StringBuilder(span.Length);
        var space = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
