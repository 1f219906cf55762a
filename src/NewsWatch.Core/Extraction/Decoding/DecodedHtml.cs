using System.Text;

namespace NewsWatch.Extraction.Decoding;

/// <summary>Page text after charset detection, with the encoding used and why it was chosen.</summary>
internal readonly record struct DecodedHtml(string Html, Encoding Encoding, EncodingSource Source);
