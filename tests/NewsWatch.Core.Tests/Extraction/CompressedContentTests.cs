using System.IO.Compression;
using System.Text;
using NewsWatch.Extraction;
using NewsWatch.Extraction.Decoding;

namespace NewsWatch.Core.Tests.Extraction;

public sealed class CompressedContentTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("<html><body><p>" + new string('x', 5000) + "</p></body></html>");

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    [InlineData(null)]
    public void Round_trips_each_content_encoding(string? coding)
    {
        var compressed = Compress(Page, coding);

        Assert.Equal(Page, CompressedContent.Decompress(compressed, coding, maxBytes: 1 << 20));
    }

    [Fact]
    public void Refuses_to_inflate_past_the_cap()
    {
        var bomb = Compress(new byte[10 * 1024 * 1024], "gzip");

        var error = Assert.Throws<ExtractionException>(() => CompressedContent.Decompress(bomb, "gzip", maxBytes: 1024 * 1024));

        Assert.Equal(ExtractionFailure.TooLarge, error.Failure);
    }

    [Fact]
    public void Corrupt_data_is_a_clear_error()
    {
        byte[] corrupt = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF];

        Assert.Throws<ExtractionException>(() => CompressedContent.Decompress(corrupt, "gzip", 1 << 20));
    }

    private static byte[] Compress(byte[] data, string? coding)
    {
        if (coding is null)
        {
            return data;
        }

        using var output = new MemoryStream();
        using (Stream encoder = coding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest),
            _ => new BrotliStream(output, CompressionLevel.Fastest),
        })
        {
            encoder.Write(data);
        }

        return output.ToArray();
    }
}
