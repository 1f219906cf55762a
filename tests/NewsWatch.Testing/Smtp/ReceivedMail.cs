using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsWatch.Testing.Smtp;

/// <summary>One MIME part: its headers and its body decoded to text.</summary>
public sealed record MailPart(IReadOnlyList<KeyValuePair<string, string>> Headers, string MediaType, string Text);

/// <summary>
/// A message as the SMTP server received it, with a small MIME reader for assertions: unfolded headers (raw and
/// with RFC 2047 encoded-words decoded), and the text/plain and text/html parts decoded from quoted-printable or
/// base64. Deliberately independent of System.Net.Mail, which wrote the message.
/// </summary>
public sealed partial class ReceivedMail
{
    private ReceivedMail(byte[] raw, string? mailFrom, IReadOnlyList<string> rcptTo, bool secure, string? user,
        IReadOnlyList<KeyValuePair<string, string>> headers, IReadOnlyList<MailPart> parts)
    {
        Raw = raw;
        MailFrom = mailFrom;
        RcptTo = rcptTo;
        Secure = secure;
        AuthenticatedUser = user;
        Headers = headers;
        Parts = parts;
    }

    public byte[] Raw { get; }

    public string RawText => Encoding.Latin1.GetString(Raw);

    public string? MailFrom { get; }

    public IReadOnlyList<string> RcptTo { get; }

    /// <summary>The session was TLS (STARTTLS) when the message was sent.</summary>
    public bool Secure { get; }

    public string? AuthenticatedUser { get; }

    /// <summary>Top-level headers, unfolded, values raw (still encoded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Leaf parts in order.</summary>
    public IReadOnlyList<MailPart> Parts { get; }

    public string? Text => Parts.FirstOrDefault(p => p.MediaType == "text/plain")?.Text;

    public string? Html => Parts.FirstOrDefault(p => p.MediaType == "text/html")?.Text;

    /// <summary>All raw values of a header (to check that it occurs exactly once).</summary>
    public IReadOnlyList<string> RawHeaders(string name) =>
        [.. Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)];

    /// <summary>The single header's value with encoded-words decoded; null if absent.</summary>
    public string? Header(string name) => RawHeaders(name) switch
    {
        [] => null,
        [var one] => DecodeWords(one),
        var many => throw new InvalidOperationException($"header {name} occurs {many.Count} times"),
    };

    public static ReceivedMail Parse(byte[] raw, string? mailFrom, IReadOnlyList<string> rcptTo, bool secure, string? user)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = Encoding.Latin1.GetString(raw);
        var (headers, body) = SplitEntity(text);
        var parts = new List<MailPart>();
        CollectParts(headers, body, parts);
        return new ReceivedMail(raw, mailFrom, rcptTo, secure, user, headers, parts);
    }

    private static (List<KeyValuePair<string, string>> Headers, string Body) SplitEntity(string entity)
    {
        var end = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? entity : entity[..end];
        var body = end < 0 ? string.Empty : entity[(end + 4)..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in Regex.Replace(head, "\r\n(?=[ \t])", string.Empty).Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return (headers, body);
    }

    private static void CollectParts(List<KeyValuePair<string, string>> headers, string body, List<MailPart> parts)
    {
        var contentType = Find(headers, "Content-Type") ?? "text/plain; charset=us-ascii";
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = Parameter(contentType, "boundary") ?? throw new FormatException("multipart without boundary");
            var delimiter = "--" + boundary;
            var sections = body.Split(delimiter);
            foreach (var section in sections.Skip(1))
            {
                if (section.StartsWith("--", StringComparison.Ordinal))
                {
                    break; // the closing delimiter
                }

                var (partHeaders, partBody) = SplitEntity(section.TrimStart('\r', '\n'));
                CollectParts(partHeaders, partBody.EndsWith("\r\n", StringComparison.Ordinal) ? partBody[..^2] : partBody, parts);
            }

            return;
        }

        var charset = Parameter(contentType, "charset") ?? "us-ascii";
        var bytes = (Find(headers, "Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant() switch
        {
            "quoted-printable" => QuotedPrintable(body),
            "base64" => Convert.FromBase64String(Regex.Replace(body, @"\s", string.Empty)),
            _ => Encoding.Latin1.GetBytes(body),
        };
        parts.Add(new MailPart(headers, mediaType, Encoding.GetEncoding(charset).GetString(bytes)));
    }

    private static string? Find(List<KeyValuePair<string, string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Parameter(string headerValue, string name)
    {
        var m = Regex.Match(headerValue, $@";\s*{name}=(""(?<v>[^""]*)""|(?<v>[^;\s]+))", RegexOptions.IgnoreCase);
        return m.Success ? m.Groups["v"].Value : null;
    }

    private static byte[] QuotedPrintable(string body)
    {
        var output = new List<byte>(body.Length);
        var text = body.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length
                && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                output.Add(b);
                i += 2;
            }
            else
            {
                output.Add((byte)text[i]);
            }
        }

        return [.. output];
    }

    /// <summary>RFC 2047: "=?charset?B|Q?data?=" words decoded; whitespace between adjacent words dropped.</summary>
    public static string DecodeWords(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var joined = Regex.Replace(value, @"(\?=)\s+(=\?)", "$1$2");
        return EncodedWord().Replace(joined, m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups["charset"].Value);
            var data = m.Groups["data"].Value;
            var bytes = string.Equals(m.Groups["enc"].Value, "B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(data)
                : QuotedPrintable(data.Replace('_', ' '));
            return encoding.GetString(bytes);
        });
    }

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<enc>[BbQq])\?(?<data>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
