namespace NewsWatch.Extraction;

/// <summary>Which signal decided the character encoding of a page.</summary>
public enum EncodingSource
{
    /// <summary>The charset parameter of the HTTP Content-Type header.</summary>
    Header,

    /// <summary>A byte order mark at the start of the body.</summary>
    ByteOrderMark,

    /// <summary>A &lt;meta charset&gt; or http-equiv Content-Type declaration (or XML declaration) in the first 1,024 bytes.</summary>
    Meta,

    /// <summary>No usable declaration: the bytes are valid UTF-8 (plain ASCII included).</summary>
    SniffedUtf8,

    /// <summary>No usable declaration and not valid UTF-8: windows-1252, the web's legacy default.</summary>
    Fallback,

    /// <summary>The caller passed text that was already decoded (<see cref="ArticleExtractor.ExtractHtml"/>).</summary>
    Caller,
}
