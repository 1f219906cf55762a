using System.Globalization;
using System.Net;
using System.Text;

namespace NewsWatch.Alerts;

/// <summary>
/// Makes article-derived text harmless where an email puts it. Article titles, outlets and evidence come from
/// arbitrary web pages, so they may carry markup, script, CR/LF (header injection) or bidi overrides that
/// disguise a link's direction.
/// </summary>
public static class SafeText
{
    /// <summary>
    /// One line of plain text: control and invisible formatting characters removed, any whitespace run (line
    /// breaks included) collapsed to one space, cut at <paramref name="maxLength"/> with an ellipsis. Header
    /// values built from this cannot start a new header or end the header block.
    /// </summary>
    public static string Line(string? text, int maxLength = 300)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                // Controls become separators rather than vanishing, so "a\u0000b" cannot glue words together.
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (IsInvisibleFormat(rune))
            {
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(rune.ToString());
            if (sb.Length > maxLength)
            {
                break;
            }
        }

        if (sb.Length > maxLength)
        {
            sb.Length = maxLength - 1;
            if (sb.Length > 0 && char.IsHighSurrogate(sb[^1]))
            {
                sb.Length--;
            }

            sb.Append('…');
        }

        return sb.ToString();
    }

    /// <summary><see cref="Line"/>, then HTML-escaped (including quotes, so it is also safe inside an attribute).</summary>
    public static string Html(string? text, int maxLength = 300) => WebUtility.HtmlEncode(Line(text, maxLength));

    /// <summary>
    /// A custom header value in printable ASCII: bytes outside letters, digits and a few separators become
    /// %XX (UTF-8). Readable for normal keys, unambiguous and injection-proof for anything else.
    /// </summary>
    public static string HeaderToken(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '|' or ':')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>Only web links are rendered as links; anything else (javascript:, data:, file:) is shown as text.</summary>
    public static bool IsWebLink(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Zero-width and bidi control characters (category Cf), invisible but able to reorder what is shown.</summary>
    private static bool IsInvisibleFormat(Rune rune) => Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;
}
