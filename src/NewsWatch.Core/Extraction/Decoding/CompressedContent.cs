using System.Globalization;
using System.IO.Compression;

namespace NewsWatch.Extraction.Decoding;

/// <summary>
/// Inflates stored or transferred pages — gzip (the evaluation corpus keeps pages as .html.gz),
/// deflate and Brotli — with a hard output cap, so a small compressed file cannot expand into
/// gigabytes. The HTTP fetcher normally decompresses on the wire; this is for files and for callers
/// that hold raw Content-Encoding bodies.
/// </summary>
public static class CompressedContent
{
    private const int BufferSize = 81920;

    /// <summary>True when the bytes start with the gzip signature.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes is [0x1F, 0x8B, ..];

    /// <summary>Reads a file, inflating it when it is gzip (by signature, whatever its name); refuses output over <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadFile(string path, int maxBytes)
    {
        var raw = File.ReadAllBytes(path);
        return IsGzip(raw) ? Decompress(raw, "gzip", maxBytes) : raw;
    }

    /// <summary>Gzip shorthand for <see cref="Decompress"/>.</summary>
    public static byte[] Gunzip(byte[] compressed, int maxBytes) => Decompress(compressed, "gzip", maxBytes);

    /// <summary>Decodes a body by its Content-Encoding ("gzip", "x-gzip", "deflate", "br"; "identity" or none returns it unchanged).</summary>
    /// <exception cref="ExtractionException">The encoding is unknown, the data is corrupt, or the output would exceed <paramref name="maxBytes"/>.</exception>
    public static byte[] Decompress(byte[] body, string? contentEncoding, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(body);
        var coding = contentEncoding?.Trim().ToUpperInvariant();
        using var input = new MemoryStream(body, writable: false);
        using Stream? decoder = coding switch
        {
            null or "" or "IDENTITY" => null,
            "GZIP" or "X-GZIP" => new GZipStream(input, CompressionMode.Decompress),

            // "deflate" is zlib-wrapped by the standard, raw by some servers; the first byte tells.
            "DEFLATE" => body is [0x78, ..] ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress),
            "BR" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new ExtractionException(ExtractionFailure.NotHtml, $"unsupported content encoding '{contentEncoding}'"),
        };
        if (decoder is null)
        {
            return body;
        }

        using var output = new MemoryStream(capacity: (int)Math.Min(maxBytes, body.Length * 4L));
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = decoder.Read(buffer)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new ExtractionException(
                        ExtractionFailure.TooLarge,
                        string.Create(CultureInfo.InvariantCulture, $"compressed page inflates to more than {maxBytes:N0} bytes"));
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ExtractionException($"{contentEncoding} data is corrupt: {ex.Message}", ex);
        }

        return output.ToArray();
    }
}
