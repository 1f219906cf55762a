using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsWatch.Feeds;

/// <summary>
/// Parses the date formats met in real feeds: RFC 822/1123 (RSS, often with named zones or missing
/// seconds) and ISO 8601 (Atom, dc:date). Unparseable dates yield null rather than failing the item:
/// a feed entry is worth keeping even when its date is garbled.
/// </summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, string> NamedZones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+0000", ["UTC"] = "+0000", ["GMT"] = "+0000", ["Z"] = "+0000",
        ["EST"] = "-0500", ["EDT"] = "-0400", ["CST"] = "-0600", ["CDT"] = "-0500",
        ["MST"] = "-0700", ["MDT"] = "-0600", ["PST"] = "-0800", ["PDT"] = "-0700",
        ["CET"] = "+0100", ["CEST"] = "+0200", ["BST"] = "+0100", ["IST"] = "+0530",
        ["JST"] = "+0900", ["KST"] = "+0900", ["HKT"] = "+0800", ["SGT"] = "+0800",
    };

    private static readonly string[] Rfc822Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm zzz",
        "ddd, d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm:ss zzz", "ddd, d MMMM yyyy HH:mm:ss zzz",
    ];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = WhiteSpace().Replace(text.Trim(), " ");
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso)
            && (s.Contains('T', StringComparison.Ordinal) || s.Length <= 10 || char.IsDigit(s[0])))
        {
            return iso;
        }

        var zone = TrailingZone().Match(s);
        if (zone.Success && NamedZones.TryGetValue(zone.Groups[1].Value, out var offset))
        {
            s = s[..zone.Index] + " " + offset;
        }

        // .NET's zzz wants "+08:00"; RFC 822 writes "+0800".
        s = NumericZone().Replace(s, m => $"{m.Groups[1].Value}{m.Groups[2].Value}:{m.Groups[3].Value}");
        return DateTimeOffset.TryParseExact(s, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var rfc)
            ? rfc
            : DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var loose) ? loose : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\s([A-Za-z]{1,4})$")]
    private static partial Regex TrailingZone();

    [GeneratedRegex(@"([+-])(\d\d)(\d\d)$")]
    private static partial Regex NumericZone();
}
