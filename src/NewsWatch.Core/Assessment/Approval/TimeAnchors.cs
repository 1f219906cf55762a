using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsWatch.Assessment.Approval;

/// <summary>
/// Dates written in a claim ("in August 2023", "2023年8月", "2023-08", "in 2023", "im Dezember") compared with the
/// article's own publication date: a grant dated well before the article is backstory, whatever the tense says.
/// Numeric and CJK dates are read here; month and season names come from the subject's approval language
/// (<see cref="ApprovalLanguageOptions.MonthNames"/>, <see cref="ApprovalLanguageOptions.SeasonNames"/>).
/// </summary>
internal sealed partial class TimeAnchors
{
    /// <summary>
    /// How long before publication a dated grant may still be the news: reports of an approval often trail it by
    /// weeks ("approved earlier this month", a scoop about an August decision published in September).
    /// </summary>
    public static readonly TimeSpan NewsLag = TimeSpan.FromDays(45);

    private readonly (string Name, int Month)[] _monthNames;

    /// <summary>The month a season without a year is read as, spring first: its last, so "in the summer" of an April article is last year's.</summary>
    private static readonly int[] SeasonEnds = [5, 8, 11, 2];

    /// <param name="monthNames">Each language's twelve months, January first, each with its written forms.</param>
    /// <param name="seasonNames">Each language's four seasons, spring first, each with its written forms.</param>
    public TimeAnchors(IEnumerable<IReadOnlyList<IReadOnlyList<string>>> monthNames, IEnumerable<IReadOnlyList<IReadOnlyList<string>>>? seasonNames = null)
    {
        ArgumentNullException.ThrowIfNull(monthNames);
        var byLanguage = monthNames.ToList();

        // Month by month, so the first month named in a text wins whatever the language order.
        var list = new List<(string, int)>();
        for (var m = 0; m < 12; m++)
        {
            foreach (var months in byLanguage.Where(l => l.Count > m))
            {
                list.AddRange(months[m].Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => (n.Trim().ToLowerInvariant(), m + 1)));
            }
        }

        // After every month name, so a month named in the text is preferred to a season.
        foreach (var seasons in seasonNames ?? [])
        {
            for (var s = 0; s < Math.Min(seasons.Count, SeasonEnds.Length); s++)
            {
                list.AddRange(seasons[s].Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => (n.Trim().ToLowerInvariant(), SeasonEnds[s])));
            }
        }

        _monthNames = [.. list];
    }

    /// <summary>True when <paramref name="segment"/> dates something to a period that ended before <paramref name="published"/> − <see cref="NewsLag"/>.</summary>
    /// <param name="monthLooksAhead">
    /// The segment says what may or must still happen ("might need a new review, pushing the launch past August"):
    /// a month without a year later in the year than publication is the coming one, not last year's.
    /// </param>
    public bool DatesBefore(ReadOnlySpan<char> segment, DateTimeOffset published, out string anchor, bool monthLooksAhead = false)
    {
        var text = segment.ToString();
        var cutoff = published.UtcDateTime - NewsLag;
        foreach (Match m in NumericDate().Matches(text))
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var month = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (month is < 0 or > 12)
            {
                continue;
            }

            if (month == 0)
            {
                month = FindMonth(text) is var named and > 0 ? named : 12;
            }

            if (EndOf(year, month) < cutoff)
            {
                anchor = m.Value;
                return true;
            }
        }

        // A month without a year is the latest such month not after publication, or for what is still to come the next.
        if (!YearDigits().IsMatch(text) && FindMonthWithoutYear(text, out var monthOnly, out var found)
            && !(monthLooksAhead && monthOnly > published.Month))
        {
            var year = monthOnly <= published.Month ? published.Year : published.Year - 1;
            if (EndOf(year, monthOnly) < cutoff)
            {
                anchor = found;
                return true;
            }
        }

        anchor = "";
        return false;
    }

    private static DateTime EndOf(int year, int month) =>
        year is < 1900 or > 2200 ? DateTime.MaxValue : new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);

    private int FindMonth(string text)
    {
        var lower = text.ToLowerInvariant();
        foreach (var (name, month) in _monthNames)
        {
            if (ContainsWord(lower, name))
            {
                return month;
            }
        }

        return 0;
    }

    private bool FindMonthWithoutYear(string text, out int month, out string found)
    {
        var cjk = CjkMonth().Match(text);
        if (cjk.Success)
        {
            month = int.Parse(cjk.Groups["m"].Value, CultureInfo.InvariantCulture);
            found = cjk.Value;
            return month is >= 1 and <= 12;
        }

        var named = FindMonth(text);
        month = named;
        found = named > 0 ? _monthNames.First(n => n.Month == named).Name : "";
        return named > 0;
    }

    private static bool ContainsWord(string lower, string word)
    {
        for (var i = lower.IndexOf(word, StringComparison.Ordinal); i >= 0; i = lower.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var leftOk = i == 0 || !char.IsLetter(lower[i - 1]);
            var end = i + word.Length;
            var rightOk = end == lower.Length || !char.IsLetter(lower[end]);
            if (leftOk && rightOk)
            {
                return true;
            }
        }

        return false;
    }

    // "2023-08", "2023/8", "2023年8月", "2023년 8월", "8/2023", or a bare year.
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})(?:\s*[-/.年년]\s*(?<m>\d{1,2})(?!\d))?", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearDigits();

    [GeneratedRegex(@"(?<!\d)(?<m>\d{1,2})\s*[月월](?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CjkMonth();
}
