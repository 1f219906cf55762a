using System.Xml;

namespace NewsWatch.Storage.Pipeline;

/// <summary>
/// Reader settings for service XML: no DTDs (XXE-safe). Whitespace is kept: a message whose text is only
/// whitespace must come back as sent, not as an empty string.
/// </summary>
internal static class StorageXml
{
    public static XmlReaderSettings ReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };
}
