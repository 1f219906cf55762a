using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsWatch.Extraction.Metadata;

/// <summary>
/// Reads the date formats found in news metadata: ISO 8601 (with or without offset, "Z", fractions,
/// "+0000" offsets), RFC 1123, "November 19, 2019"-style text, Unix timestamps, and dates in URLs.
/// Times without an offset are taken as UTC: the page rarely says otherwise and a wrong zone is a
/// smaller error than no date.
/// </summary>
internal static partial class DateParsing
{
    private static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] ExactFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd", "yyyyMMdd'T'HHmmss", "yyyyMMddHHmmss",
        "yyyyMMdd", "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss zzz", "dd.MM.yyyy HH:mm", "dd.MM.yyyy",
    ];

    public static DateTimeOffset? Parse(string? value, DateTimeOffset? notAfter = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = NormaliseOffset(value.Trim());
        DateTimeOffset? parsed = null;
        if (DateTimeOffset.TryParseExact(text, ExactFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var exact))
        {
            parsed = exact;
        }
        else if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) && text.Length is 10 or 13)
        {
            parsed = text.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
        }
        else if (DateTimeOffset.TryParse(StripWeekdayAndZoneName(text), CultureInfo.InvariantCulture,
                     DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var loose))
        {
            parsed = loose;
        }

        return parsed is { } date && Plausible(date, notAfter) ? date : null;
    }

    /// <summary>A date in the address: /2019/11/19/, /2019-11-19-, or 20191119 as a path segment.</summary>
    public static DateTimeOffset? FromUrl(Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        var match = UrlDate().Match(url.AbsolutePath);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture) : 1;
        if (year < 1990 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        // A month without a day (/2019/11/) is still a useful bound; the first of the month is the honest guess.
        return new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
    }

    private static bool Plausible(DateTimeOffset date, DateTimeOffset? notAfter) =>
        date >= Earliest && date <= (notAfter ?? DateTimeOffset.UtcNow).AddDays(2);

    /// <summary>"+0000" → "+00:00", so the zzz format accepts it.</summary>
    private static string NormaliseOffset(string text)
    {
        var match = CompactOffset().Match(text);
        return match.Success ? string.Concat(text.AsSpan(0, match.Index), match.Groups[1].ValueSpan, ":", match.Groups[2].ValueSpan) : text;
    }

    /// <summary>"Tue, 19 Nov 2019 10:00 EST" and "Nov 19, 2019 10:00 AM ET": the parser wants neither the weekday nor a zone name.</summary>
    private static string StripWeekdayAndZoneName(string text)
    {
        var stripped = Weekday().Replace(text, string.Empty);
        return ZoneName().Replace(stripped, string.Empty).Replace(" at ", " ", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactOffset();

    [GeneratedRegex(@"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\s+(?:[ECMP][SD]?T|UTC|GMT|IST|BST|CET|CEST)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZoneName();

    [GeneratedRegex(@"(?:^|/|-|_)(?<y>(?:19|20)\d{2})(?:[/\-_](?<m>[01]?\d)(?:[/\-_](?<d>[0-3]?\d))?(?=[/\-_.]|$)|(?<m>[01]\d)(?<d>[0-3]\d)(?=[/\-_.]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();
}
