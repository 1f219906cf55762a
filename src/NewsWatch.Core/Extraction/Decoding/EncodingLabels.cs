using System.Collections.Frozen;
using System.Text;

namespace NewsWatch.Extraction.Decoding;

/// <summary>
/// Maps the charset labels found on the web to .NET encodings, following the WHATWG Encoding
/// Standard's label table for the encodings news sites actually use. The mapping matters: browsers
/// decode "iso-8859-1" and "ascii" as windows-1252 and "gb2312" as GBK, and pages are written for
/// browsers, so a literal reading of the label garbles curly quotes and CJK text.
/// </summary>
internal static class EncodingLabels
{
    private const int Utf8 = 65001;
    private const int Utf16LE = 1200;
    private const int Utf16BE = 1201;

    private static readonly FrozenDictionary<string, int> CodePages = BuildTable();

    /// <summary>Resolves a label ("UTF-8", "gb2312", "Shift_JIS"...) or returns null when unknown or unsupported.</summary>
    public static Encoding? Resolve(ReadOnlySpan<char> label)
    {
        label = label.Trim().Trim("\"'");
        if (label.IsEmpty || label.Length > 40)
        {
            return null;
        }

        Span<char> lower = stackalloc char[label.Length];
        label.ToLowerInvariant(lower);
        var lookup = CodePages.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(lower, out var codePage) ? FromCodePage(codePage) : null;
    }

    /// <summary>UTF-16 and UTF-32 labels in a &lt;meta&gt; can't be true (the meta itself was read as ASCII); WHATWG says use UTF-8.</summary>
    public static bool IsUtf16(Encoding encoding) => encoding.CodePage is Utf16LE or Utf16BE;

    public static Encoding FromCodePage(int codePage) => codePage switch
    {
        Utf8 => Encoding.UTF8,
        Utf16LE => Encoding.Unicode,
        Utf16BE => Encoding.BigEndianUnicode,

        // The code-page provider is read directly rather than registered globally: registering
        // mutates process-wide state that other components would silently depend on.
        _ => CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.UTF8,
    };

    private static FrozenDictionary<string, int> BuildTable()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(int codePage, params string[] labels)
        {
            foreach (var label in labels)
            {
                table[label] = codePage;
            }
        }

        Add(Utf8, "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8");
        Add(Utf16LE, "utf-16", "utf-16le", "ucs-2", "unicode", "csunicode", "iso-10646-ucs-2", "unicodefeff");
        Add(Utf16BE, "utf-16be", "unicodefffe");
        Add(1252, "windows-1252", "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
            "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "x-cp1252");
        Add(1250, "windows-1250", "cp1250", "x-cp1250");
        Add(1251, "windows-1251", "cp1251", "x-cp1251");
        Add(1253, "windows-1253", "cp1253", "x-cp1253");
        Add(1254, "windows-1254", "cp1254", "x-cp1254", "iso-8859-9", "iso8859-9", "iso88599", "iso_8859-9", "latin5", "l5");
        Add(1255, "windows-1255", "cp1255", "x-cp1255");
        Add(1256, "windows-1256", "cp1256", "x-cp1256");
        Add(1257, "windows-1257", "cp1257", "x-cp1257");
        Add(1258, "windows-1258", "cp1258", "x-cp1258");
        Add(874, "windows-874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620");
        Add(28592, "iso-8859-2", "iso8859-2", "iso88592", "iso_8859-2", "latin2", "l2");
        Add(28593, "iso-8859-3", "iso8859-3", "latin3");
        Add(28594, "iso-8859-4", "iso8859-4", "latin4");
        Add(28595, "iso-8859-5", "iso8859-5", "iso88595", "cyrillic");
        Add(28596, "iso-8859-6", "iso8859-6", "arabic");
        Add(28597, "iso-8859-7", "iso8859-7", "greek");
        Add(28598, "iso-8859-8", "iso8859-8", "hebrew", "iso-8859-8-i");
        Add(28603, "iso-8859-13", "iso8859-13");
        Add(28605, "iso-8859-15", "iso8859-15", "iso885915", "latin-9", "latin9");
        Add(20866, "koi8-r", "koi8", "koi", "cskoi8r", "koi8_r");
        Add(21866, "koi8-u", "koi8-ru");
        Add(866, "ibm866", "cp866", "866", "csibm866");
        Add(10000, "macintosh", "mac", "x-mac-roman", "csmacintosh");
        Add(10007, "x-mac-cyrillic", "x-mac-ukrainian");

        // Chinese: browsers decode gb2312 and gbk with the GB18030 decoder, a strict superset.
        Add(54936, "gb18030", "gbk", "gb2312", "x-gbk", "chinese", "csgb2312", "csiso58gb231280", "gb_2312",
            "gb_2312-80", "iso-ir-58", "cp936", "windows-936", "ms936");
        Add(950, "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950");
        Add(932, "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j", "csshiftjis", "cp932");
        Add(51932, "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese");
        Add(50220, "iso-2022-jp", "csiso2022jp");
        Add(949, "euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean", "windows-949",
            "cp949", "csksc56011987", "cseuckr", "iso-ir-149");
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
