using System.Text;
using NewsWatch.Extraction;
using NewsWatch.Extraction.Decoding;

namespace NewsWatch.Core.Tests.Extraction;

public sealed class HtmlDecoderTests
{
    private const string Sample = "<p>Café “déjà vu” — 東京 新聞</p>";

    [Fact]
    public void Utf8_bom_wins_over_a_contradicting_header()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample)).ToArray();

        var decoded = HtmlDecoder.Decode(bytes, headerCharset: "iso-8859-1");

        Assert.Equal(Sample, decoded.Html);
        Assert.Equal(EncodingSource.ByteOrderMark, decoded.Source);
    }

    [Fact]
    public void Utf16_with_bom_decodes()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Sample)).ToArray();

        Assert.Equal(Sample, HtmlDecoder.Decode(bytes, null).Html);
    }

    [Theory]
    [InlineData("gbk", 936, "<p>小米获得发改委批准生产电动汽车</p>")]
    [InlineData("gb2312", 936, "<p>北京汽车集团</p>")]
    [InlineData("big5", 950, "<p>小米電動車獲批</p>")]
    [InlineData("shift_jis", 932, "<p>東京の新聞記事です</p>")]
    [InlineData("euc-kr", 949, "<p>샤오미 전기차 승인</p>")]
    [InlineData("windows-1251", 1251, "<p>Новости дня</p>")]
    public void Header_charset_selects_legacy_cjk_and_cyrillic_code_pages(string label, int codePage, string html)
    {
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(codePage)!.GetBytes(html);

        var decoded = HtmlDecoder.Decode(bytes, label);

        Assert.Equal(html, decoded.Html);
        Assert.Equal(EncodingSource.Header, decoded.Source);
    }

    [Theory]
    [InlineData("<meta charset=\"gb2312\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">")]
    [InlineData("<META HTTP-EQUIV=content-type CONTENT='text/html;charset=gbk'>")]
    public void Meta_declaration_in_first_kilobyte_is_honoured(string meta)
    {
        var html = $"<html><head><!-- <meta charset=\"utf-8\"> in a comment does not count -->{meta}</head><body><p>新闻正文</p></body></html>";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(936)!.GetBytes(html);

        var decoded = HtmlDecoder.Decode(bytes, null);

        Assert.Equal(html, decoded.Html);
        Assert.Equal(EncodingSource.Meta, decoded.Source);
    }

    [Fact]
    public void Meta_after_the_first_kilobyte_is_ignored()
    {
        var html = "<html><head>" + new string(' ', 1100) + "<meta charset=\"windows-1251\"></head><body>Plain</body></html>";

        var decoded = HtmlDecoder.Decode(Encoding.ASCII.GetBytes(html), null);

        Assert.Equal(EncodingSource.SniffedUtf8, decoded.Source);
    }

    [Fact]
    public void Latin1_label_on_utf8_bytes_is_overruled()
    {
        var decoded = HtmlDecoder.Decode(Encoding.UTF8.GetBytes(Sample), "ISO-8859-1");

        Assert.Equal(Sample, decoded.Html);
        Assert.Equal(EncodingSource.SniffedUtf8, decoded.Source);
    }

    [Fact]
    public void Utf8_label_on_windows_1252_bytes_falls_back_to_windows_1252()
    {
        const string html = "<p>Caf\u00e9 \u201cquoted\u201d \u2014 na\u00efve r\u00e9sum\u00e9</p>";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(html);

        var decoded = HtmlDecoder.Decode(bytes, "utf-8");

        Assert.Equal(html, decoded.Html);
        Assert.Equal(EncodingSource.Fallback, decoded.Source);
    }

    [Fact]
    public void Undeclared_valid_utf8_is_sniffed()
    {
        var decoded = HtmlDecoder.Decode(Encoding.UTF8.GetBytes(Sample), null);

        Assert.Equal(Sample, decoded.Html);
        Assert.Equal(EncodingSource.SniffedUtf8, decoded.Source);
    }

    [Fact]
    public void Unknown_label_is_ignored()
    {
        var decoded = HtmlDecoder.Decode(Encoding.UTF8.GetBytes(Sample), "x-made-up-charset");

        Assert.Equal(Sample, decoded.Html);
    }

    [Fact]
    public void Xml_declaration_counts_as_a_declaration()
    {
        const string html = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><html><body>Привет</body></html>";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(html);

        Assert.Equal(html, HtmlDecoder.Decode(bytes, null).Html);
    }
}
