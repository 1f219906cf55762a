using System.Text;

namespace NewsWatch.Extraction.Decoding;

/// <summary>
/// Finds a character-encoding declaration in the first 1,024 bytes, the way the HTML prescan does:
/// &lt;meta charset="x"&gt;, &lt;meta http-equiv="Content-Type" content="text/html; charset=x"&gt;, or an XML
/// declaration. Works on bytes because the encoding is not known yet; every label is ASCII.
/// </summary>
internal static class MetaCharsetScanner
{
    private static readonly System.Buffers.SearchValues<byte> ValueEnd = System.Buffers.SearchValues.Create(" \t;\"'>"u8);

    public const int PrescanLength = 1024;

    /// <summary>Returns the declared label, or null when the prescan window declares none.</summary>
    public static string? FindDeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var window = bytes[..Math.Min(bytes.Length, PrescanLength)];
        if (window.StartsWith("<?xml"u8) && FindXmlEncoding(window) is { } xml)
        {
            return xml;
        }

        var i = 0;
        while (i < window.Length)
        {
            var lt = window[i..].IndexOf((byte)'<');
            if (lt < 0)
            {
                return null;
            }

            i += lt;
            var rest = window[i..];
            if (rest.StartsWith("<!--"u8))
            {
                var end = rest.IndexOf("-->"u8);
                if (end < 0)
                {
                    return null;
                }

                i += end + 3;
                continue;
            }

            if (rest.Length > 6 && StartsWithIgnoreCase(rest[1..], "meta"u8) && IsSpaceOrSlash(rest[5]))
            {
                var (charset, consumed) = ReadMetaTag(rest[5..]);
                if (charset is not null)
                {
                    return charset;
                }

                i += 5 + consumed;
                continue;
            }

            i++;
        }

        return null;
    }

    /// <summary>Reads the attributes of one &lt;meta&gt; tag; returns the charset it declares (if any) and the bytes consumed.</summary>
    private static (string? Charset, int Consumed) ReadMetaTag(ReadOnlySpan<byte> tag)
    {
        string? charset = null;
        string? contentCharset = null;
        var httpEquivContentType = false;
        var i = 0;
        while (i < tag.Length)
        {
            while (i < tag.Length && (IsSpaceOrSlash(tag[i]) || tag[i] == (byte)'"' || tag[i] == (byte)'\''))
            {
                i++;
            }

            if (i >= tag.Length || tag[i] == (byte)'>')
            {
                break;
            }

            var nameStart = i;
            while (i < tag.Length && tag[i] is not ((byte)'=' or (byte)'>') && !IsSpaceOrSlash(tag[i]))
            {
                i++;
            }

            var name = tag[nameStart..i];
            while (i < tag.Length && IsSpace(tag[i]))
            {
                i++;
            }

            ReadOnlySpan<byte> value = default;
            if (i < tag.Length && tag[i] == (byte)'=')
            {
                i++;
                while (i < tag.Length && IsSpace(tag[i]))
                {
                    i++;
                }

                if (i < tag.Length && tag[i] is (byte)'"' or (byte)'\'')
                {
                    var quote = tag[i++];
                    var close = tag[i..].IndexOf(quote);
                    var end = close < 0 ? tag.Length : i + close;
                    value = tag[i..end];
                    i = Math.Min(tag.Length, end + 1);
                }
                else
                {
                    var start = i;
                    while (i < tag.Length && tag[i] != (byte)'>' && !IsSpace(tag[i]))
                    {
                        i++;
                    }

                    value = tag[start..i];
                }
            }

            if (EqualsIgnoreCase(name, "charset"u8))
            {
                charset ??= Ascii(value);
            }
            else if (EqualsIgnoreCase(name, "http-equiv"u8))
            {
                httpEquivContentType |= EqualsIgnoreCase(value.Trim(" \t\r\n"u8), "content-type"u8);
            }
            else if (EqualsIgnoreCase(name, "content"u8))
            {
                contentCharset ??= CharsetFromContentType(value);
            }
        }

        return (charset ?? (httpEquivContentType ? contentCharset : null), i);
    }

    /// <summary>The value after "charset=" in a Content-Type string, unquoted.</summary>
    public static string? CharsetFromContentType(ReadOnlySpan<byte> contentType)
    {
        var at = IndexOfIgnoreCase(contentType, "charset"u8);
        if (at < 0)
        {
            return null;
        }

        var rest = contentType[(at + 7)..].TrimStart(" \t"u8);
        if (rest.IsEmpty || rest[0] != (byte)'=')
        {
            return null;
        }

        rest = rest[1..].TrimStart(" \t\"'"u8);
        var end = rest.IndexOfAny(ValueEnd);
        return Ascii(end < 0 ? rest : rest[..end]);
    }

    private static string? FindXmlEncoding(ReadOnlySpan<byte> window)
    {
        var close = window.IndexOf("?>"u8);
        var decl = close < 0 ? window : window[..close];
        var at = decl.IndexOf("encoding"u8);
        if (at < 0)
        {
            return null;
        }

        var rest = decl[(at + 8)..].TrimStart(" \t="u8).TrimStart("\"'"u8);
        var end = rest.IndexOfAny("\"' ?"u8);
        return Ascii(end < 0 ? rest : rest[..end]);
    }

    private static string? Ascii(ReadOnlySpan<byte> value) =>
        value.IsEmpty || value.Length > 40 || !System.Text.Ascii.IsValid(value) ? null : Encoding.ASCII.GetString(value);

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';

    private static bool IsSpaceOrSlash(byte b) => IsSpace(b) || b == (byte)'/';

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> span, ReadOnlySpan<byte> prefix) =>
        span.Length >= prefix.Length && EqualsIgnoreCase(span[..prefix.Length], prefix);

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> lowerB) =>
        System.Text.Ascii.EqualsIgnoreCase(a, lowerB);

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> span, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = 0; i + lowerNeedle.Length <= span.Length; i++)
        {
            if (EqualsIgnoreCase(span.Slice(i, lowerNeedle.Length), lowerNeedle))
            {
                return i;
            }
        }

        return -1;
    }
}
