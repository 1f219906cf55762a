using System.Text;
using System.Text.Unicode;

namespace NewsWatch.Extraction.Decoding;

/// <summary>
/// Turns body bytes into text. Order, as browsers do it: byte order mark, then the HTTP charset, then
/// a declaration in the first 1,024 bytes, then sniffing (UTF-8 if valid, else windows-1252).
/// One deviation, because mislabelled pages are common and browsers' users never notice them:
/// a declared charset is overruled when the bytes prove it wrong — a legacy single-byte label on
/// bytes that form valid multi-byte UTF-8, or a UTF-8 label on bytes that are not UTF-8.
/// </summary>
internal static class HtmlDecoder
{
    public static DecodedHtml Decode(ReadOnlySpan<byte> body, string? headerCharset)
    {
        if (DetectBom(body) is { } bom)
        {
            return new DecodedHtml(bom.Encoding.GetString(body[bom.Length..]), bom.Encoding, EncodingSource.ByteOrderMark);
        }

        // One vectorised pass; cheap next to parsing, and most rules below need the answer.
        var validUtf8 = Utf8.IsValid(body);
        if (headerCharset is not null && EncodingLabels.Resolve(headerCharset) is { } fromHeader
            && Plausible(fromHeader, body, validUtf8))
        {
            return Decode(body, fromHeader, EncodingSource.Header);
        }

        if (MetaCharsetScanner.FindDeclaredCharset(body) is { } declared && EncodingLabels.Resolve(declared) is { } fromMeta)
        {
            // A <meta> could only be read because the bytes so far are ASCII-compatible, so a UTF-16 label is a lie.
            var encoding = EncodingLabels.IsUtf16(fromMeta) ? Encoding.UTF8 : fromMeta;
            if (Plausible(encoding, body, validUtf8))
            {
                return Decode(body, encoding, EncodingSource.Meta);
            }
        }

        return validUtf8
            ? Decode(body, Encoding.UTF8, EncodingSource.SniffedUtf8)
            : Decode(body, EncodingLabels.FromCodePage(1252), EncodingSource.Fallback);
    }

    /// <summary>False when the bytes contradict the label (see the class remarks).</summary>
    private static bool Plausible(Encoding encoding, ReadOnlySpan<byte> body, bool validUtf8)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return validUtf8 || MostlyUtf8(body);
        }

        // Legacy single-byte label on text that is valid UTF-8 and not plain ASCII: the odds of a
        // real windows-1252 text forming only valid UTF-8 multi-byte sequences are negligible.
        return !(encoding.IsSingleByte && validUtf8 && !Ascii.IsValid(body));
    }

    /// <summary>
    /// A page labelled UTF-8 with a few broken sequences (a truncated ad snippet, one bad byte) is still
    /// UTF-8 and browsers show it with replacement characters; only when most non-ASCII bytes fail to
    /// form UTF-8 is the label wrong.
    /// </summary>
    private static bool MostlyUtf8(ReadOnlySpan<byte> body)
    {
        int good = 0, bad = 0;
        while (!body.IsEmpty)
        {
            var nonAscii = body.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (nonAscii < 0)
            {
                break;
            }

            body = body[nonAscii..];
            var status = System.Text.Rune.DecodeFromUtf8(body, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                good++;
            }
            else
            {
                bad++;
            }

            body = body[Math.Max(1, consumed)..];
        }

        return good >= bad * 4;
    }

    private static DecodedHtml Decode(ReadOnlySpan<byte> body, Encoding encoding, EncodingSource source) =>
        new(encoding.GetString(body), encoding, source);

    private static (Encoding Encoding, int Length)? DetectBom(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        return null;
    }
}
