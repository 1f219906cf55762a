using System.Globalization;
using System.Text;
using System.Xml;
using NewsWatch.Storage.Pipeline;

namespace NewsWatch.Storage.Queues;

/// <summary>One <c>&lt;QueueMessage&gt;</c> as the service returned it, text still encoded.</summary>
internal sealed record RawQueueMessage(
    string MessageId,
    string? PopReceipt,
    string MessageText,
    long DequeueCount,
    DateTimeOffset? InsertionTime,
    DateTimeOffset? ExpirationTime,
    DateTimeOffset? TimeNextVisible);

/// <summary>The Queue service's XML: the put/update body, and the message lists it returns.</summary>
internal static class QueueMessageXml
{
    /// <summary>
    /// The request body. Built by hand rather than with XmlWriter: it is one element, and this runs on every send.
    /// </summary>
    public static byte[] CreateBody(string wireText)
    {
        ReadOnlySpan<byte> prefix = "<QueueMessage><MessageText>"u8;
        ReadOnlySpan<byte> suffix = "</MessageText></QueueMessage>"u8;
        var escaped = Escape(wireText);
        var body = new byte[prefix.Length + Encoding.UTF8.GetByteCount(escaped) + suffix.Length];
        prefix.CopyTo(body);
        var written = Encoding.UTF8.GetBytes(escaped, body.AsSpan(prefix.Length));
        suffix.CopyTo(body.AsSpan(prefix.Length + written));
        return body;
    }

    public static List<RawQueueMessage> ParseList(Stream? content)
    {
        var messages = new List<RawQueueMessage>();
        if (content is null || content.Length == 0)
        {
            return messages;
        }

        using var reader = XmlReader.Create(content, StorageXml.ReaderSettings());
        while (reader.ReadToFollowing("QueueMessage"))
        {
            messages.Add(ReadMessage(reader));
        }

        return messages;
    }

    public static DateTimeOffset ParseDate(string value) => StorageDates.ParseRfc1123(value);

    private static RawQueueMessage ReadMessage(XmlReader reader)
    {
        string? id = null, pop = null, text = null;
        long dequeue = 0;
        DateTimeOffset? inserted = null, expires = null, visible = null;
        if (reader.IsEmptyElement)
        {
            throw new XmlException("Empty QueueMessage element.");
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "MessageId": id = reader.ReadElementContentAsString(); break;
                case "PopReceipt": pop = reader.ReadElementContentAsString(); break;
                case "MessageText": text = reader.ReadElementContentAsString(); break;
                case "DequeueCount": dequeue = long.Parse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture); break;
                case "InsertionTime": inserted = ParseDate(reader.ReadElementContentAsString()); break;
                case "ExpirationTime": expires = ParseDate(reader.ReadElementContentAsString()); break;
                case "TimeNextVisible": visible = ParseDate(reader.ReadElementContentAsString()); break;
                default: reader.Skip(); break;
            }
        }

        return new RawQueueMessage(
            id ?? throw new XmlException("QueueMessage without MessageId."),
            pop,
            text ?? string.Empty,
            dequeue,
            inserted,
            expires,
            visible);
    }

    private static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\r") < 0)
        {
            return text;
        }

        // '\r' must be a character reference: XML parsers normalise a literal CR to LF, changing the message.
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '\r' => sb.Append("&#13;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
