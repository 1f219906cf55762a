using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsWatch.Stories;

/// <summary>
/// Numbers and quantities of a text as language-neutral values, so "$10 billion", "100亿美元" and "10 milliárd dollár"
/// meet as 1e10 and "200,000 a year" meets "20万辆". Grouped thousands ("116,887", "116 887", "116.887") are told from
/// decimals ("73.4", "10,5") by the three-digit groups. Small counts and bare years say little about which event it is
/// and are left out.
/// </summary>
public static partial class Quantities
{
    private const double SmallestDistinctive = 100;

    /// <summary>Distinct values as invariant strings ("116887", "1E+10"), in order of first mention.</summary>
    public static IReadOnlyList<string> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<string>();
        foreach (Match m in Number().Matches(text))
        {
            var hasGroups = m.Groups["grouped"].Success;
            var digits = hasGroups ? m.Groups["grouped"].Value : m.Groups["plain"].Value;
            if (!TryParse(digits, hasGroups, out var value))
            {
                continue;
            }

            var scale = Scale(m.Groups["unit"].Value);
            // Integers below 100 are mostly days, ages and percentages; a decimal ("15.4") is a figure.
            if (scale == 1 && ((value < SmallestDistinctive && value == Math.Floor(value)) || IsYear(value, digits)))
            {
                continue;
            }

            var key = (value * scale).ToString("G6", CultureInfo.InvariantCulture);
            if (!found.Contains(key))
            {
                found.Add(key);
            }
        }

        return found;
    }

    /// <summary>
    /// A figure with three or more significant digits ("30,931", "12.45 billion") is rarely repeated by chance; round
    /// ones ("100,000", "$10 billion") recur as background in many stories of one company.
    /// </summary>
    public static bool IsDistinctive(string quantity) => SignificantDigits(quantity) >= 3;

    /// <summary>Significant digits of a value from <see cref="Find"/>: "116887" has 6, "1E+10" has 1.</summary>
    public static int SignificantDigits(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        return quantity.Split('E', 'e')[0].Replace(".", "", StringComparison.Ordinal).TrimStart('0').TrimEnd('0').Length;
    }

    private static bool IsYear(double value, string digits) => digits.Length == 4 && value is >= 1990 and <= 2039;

    private static bool TryParse(string digits, bool grouped, out double value)
    {
        if (grouped)
        {
            // The last separator may be a decimal mark ("1,234.5"): everything but digits and that mark goes.
            var lastMark = digits.LastIndexOfAny(['.', ',']);
            var fraction = lastMark >= 0 && digits.Length - lastMark - 1 != 3 ? digits[(lastMark + 1)..] : "";
            var whole = fraction.Length > 0 ? digits[..lastMark] : digits;
            var clean = new string([.. whole.Where(char.IsAsciiDigit)]) + (fraction.Length > 0 ? "." + fraction : "");
            return double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        return double.TryParse(digits.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static double Scale(string unit)
    {
        if (unit.Length == 0)
        {
            return 1;
        }

        var u = unit.ToLowerInvariant().TrimEnd('.');
        return u switch
        {
            "万亿" or "兆" => 1e12,
            "亿" or "億" or "억" => 1e8,
            "万" or "萬" or "만" => 1e4,
            "千" or "천" => 1e3,
            "k" or "thousand" or "thousands" or "tausend" or "mille" or "mil" or "тыс" or "тысяч" or "тысячи" or "ezer" => 1e3,
            _ when u.StartsWith("mil", StringComparison.Ordinal) && (u.Contains("liard", StringComparison.Ordinal) || u.Contains("liárd", StringComparison.Ordinal)) => 1e9,
            _ when u.StartsWith("mrd", StringComparison.Ordinal) || u.StartsWith("млрд", StringComparison.Ordinal) || u.StartsWith("миллиард", StringComparison.Ordinal) => 1e9,
            "billion" or "billions" or "bn" or "b" or "bln" or "mil millones" => 1e9,
            "million" or "millions" or "mn" or "mln" or "m" or "mio" or "millionen" or "millones" or "milioni" or "millió" or "milhões" or "milhão" or "млн" => 1e6,
            _ when u.StartsWith("миллион", StringComparison.Ordinal) => 1e6,
            _ => 1,
        };
    }

    // Grouped: 1-3 digits then groups of exactly three after one separator kind (comma, dot, thin or normal space),
    // optional decimal part. Plain: digits with an optional decimal part. Unit: a scale word right after.
    [GeneratedRegex(
        @"(?<![A-Za-z\u00C0-\u024F\u0400-\u04FF\p{N}.,])(?:(?<grouped>\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?:[\u00A0\u202F ]\d{3})+)(?:[.,]\d+)?)|(?<plain>\d+(?:[.,]\d+)?))(?![\d])\s?(?<unit>万亿|兆|亿|億|억|万|萬|만|千|천|mil millones|(?:thousands?|tausend|mille|mil|тыс(?:яч[иа]?)?|ezer|billions?|bn|bln|milliard[a-zé]*|miliard[a-z]*|milliárd|mrd\.?|млрд|миллиард[а-я]*|millions?|mn|mln|mio\.?|millionen|millones|milioni|millió|milhões|milhão|млн|миллион[а-я]*|k|b|m)(?![\p{L}]))?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
