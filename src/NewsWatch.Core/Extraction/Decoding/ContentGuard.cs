using System.Globalization;

namespace NewsWatch.Extraction.Decoding;

/// <summary>
/// Refuses what is not worth parsing, with a message that says why: bodies over the size cap,
/// empty bodies, media types that are not HTML, and binary files whatever their label.
/// </summary>
internal static class ContentGuard
{
    /// <summary>Bytes sampled for control characters: enough to see a binary header, cheap on big pages.</summary>
    private const int SampleLength = 4096;

    public static void EnsureExtractable(ReadOnlySpan<byte> body, string? mediaType, int maxBodyBytes)
    {
        if (body.Length > maxBodyBytes)
        {
            throw new ExtractionException(
                ExtractionFailure.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"page body is {body.Length:N0} bytes, over the {maxBodyBytes:N0}-byte extraction limit (Extraction:MaxBodyBytes)"));
        }

        if (mediaType is not null && !IsHtmlOrUnclear(mediaType))
        {
            throw new ExtractionException(ExtractionFailure.NotHtml, $"content type '{mediaType}' is not HTML");
        }

        if (body.Trim(" \t\r\n\f"u8).IsEmpty)
        {
            throw new ExtractionException(ExtractionFailure.Empty, "page body is empty");
        }

        if (KnownBinarySignature(body) is { } kind)
        {
            throw new ExtractionException(ExtractionFailure.Binary, $"body is a {kind} file, not HTML");
        }

        if (LooksBinary(body))
        {
            throw new ExtractionException(ExtractionFailure.Binary, "body looks binary (control characters), not HTML text");
        }
    }

    /// <summary>
    /// HTML types pass; so do the types servers put on anything (octet-stream, text/plain), which are
    /// then judged by their bytes. Everything else — PDF, images, JSON, feeds — is refused.
    /// </summary>
    private static bool IsHtmlOrUnclear(string mediaType)
    {
        var type = mediaType.AsSpan().Trim();
        return type.Equals("text/html", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            || type.Equals("binary/octet-stream", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || type.IsEmpty;
    }

    private static string? KnownBinarySignature(ReadOnlySpan<byte> body) => body switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "PDF",
        [0x89, 0x50, 0x4E, 0x47, ..] => "PNG",
        [0x47, 0x49, 0x46, 0x38, ..] => "GIF",
        [0xFF, 0xD8, 0xFF, ..] => "JPEG",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "WebP",
        [0x50, 0x4B, 0x03, 0x04, ..] => "ZIP",
        [0x1F, 0x8B, ..] => "gzip-compressed (decompress it first)",
        [0x28, 0xB5, 0x2F, 0xFD, ..] => "zstd-compressed",
        [0x7F, 0x45, 0x4C, 0x46, ..] => "ELF executable",
        [0x4D, 0x5A, ..] when body.Length > 64 && body[..64].Contains((byte)0) => "Windows executable",
        [0x00, 0x00, 0x00, _, 0x66, 0x74, 0x79, 0x70, ..] => "MP4",
        [0x49, 0x44, 0x33, ..] => "MP3",
        [0x4F, 0x67, 0x67, 0x53, ..] => "Ogg",
        [0x77, 0x4F, 0x46, 0x46, ..] or [0x77, 0x4F, 0x46, 0x32, ..] => "web font",
        _ => null,
    };

    /// <summary>
    /// Text encodings other than UTF-16 (which has a BOM, handled before this) never contain NUL, and
    /// real pages have almost no other C0 controls; ESC is allowed for ISO-2022-JP.
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> body)
    {
        if (body is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return false;
        }

        var sample = body[..Math.Min(body.Length, SampleLength)];
        // A stray NUL is a parse error the HTML parser repairs; binary files and BOM-less UTF-16 have them by the
        // hundred, so NULs count with the other control characters instead of condemning the page on their own.
        var controls = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or 0x1B))
            {
                controls++;
            }
        }

        return controls * 100 > sample.Length;
    }
}
