using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsWatch.Assessment.Approval;

/// <summary>
/// Dates written in a claim ("in August 2023", "2023年8月", "2023-08", "in 2023", "im Dezember") compared with the
/// article's own publication date: a grant dated well before the article is backstory, whatever the tense says.
/// Month names are general knowledge of languages, not of a subject, so they live here.
/// </summary>
internal static partial class TimeAnchors
{
    /// <summary>
    /// How long before publication a dated grant may still be the news: reports of an approval often trail it by
    /// weeks ("approved earlier this month", a scoop about an August decision published in September).
    /// </summary>
    public static readonly TimeSpan NewsLag = TimeSpan.FromDays(45);

    private static readonly (string Name, int Month)[] MonthNames = BuildMonthNames();

    /// <summary>True when <paramref name="segment"/> dates something to a period that ended before <paramref name="published"/> − <see cref="NewsLag"/>.</summary>
    public static bool DatesBefore(ReadOnlySpan<char> segment, DateTimeOffset published, out string anchor)
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

        // A month without a year is the latest such month not after publication.
        if (!YearDigits().IsMatch(text) && FindMonthWithoutYear(text, out var monthOnly, out var found))
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

    private static int FindMonth(string text)
    {
        var lower = text.ToLowerInvariant();
        foreach (var (name, month) in MonthNames)
        {
            if (ContainsWord(lower, name))
            {
                return month;
            }
        }

        return 0;
    }

    private static bool FindMonthWithoutYear(string text, out int month, out string found)
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
        found = named > 0 ? MonthNames.First(n => n.Month == named).Name : "";
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

    private static (string, int)[] BuildMonthNames()
    {
        // en, de, fr, es, it, pt, ru (nominative and genitive/prepositional). "May"/"mai"/"mar" are left out:
        // they are also ordinary words ("may", "mais"-like, "mar" = sea).
        string[][] byMonth =
        [
            ["january", "januar", "janvier", "enero", "gennaio", "janeiro", "январ*"],
            ["february", "februar", "février", "febrero", "febbraio", "fevereiro", "феврал*"],
            ["march", "märz", "mars", "marzo", "março", "март*"],
            ["april", "avril", "abril", "aprile", "апрел*"],
            ["mayo", "maggio", "maio", "мая", "мае"],
            ["june", "juni", "juin", "junio", "giugno", "junho", "июн*"],
            ["july", "juli", "juillet", "julio", "luglio", "julho", "июл*"],
            ["august", "août", "agosto", "август*"],
            ["september", "septembre", "septiembre", "settembre", "setembro", "сентябр*"],
            ["october", "oktober", "octobre", "octubre", "ottobre", "outubro", "октябр*"],
            ["november", "novembre", "noviembre", "novembro", "ноябр*"],
            ["december", "dezember", "décembre", "diciembre", "dicembre", "dezembro", "декабр*"],
        ];
        var list = new List<(string, int)>();
        for (var m = 0; m < byMonth.Length; m++)
        {
            foreach (var name in byMonth[m])
            {
                if (name.EndsWith('*'))
                {
                    // Russian months inflect: the stem plus the usual endings.
                    var stem = name.TrimEnd('*');
                    foreach (var ending in (string[])["ь", "я", "е", "а"])
                    {
                        list.Add((stem + ending, m + 1));
                    }
                }
                else
                {
                    list.Add((name, m + 1));
                }
            }
        }

        return [.. list];
    }

    // "2023-08", "2023/8", "2023年8月", "2023년 8월", "8/2023", or a bare year.
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})(?:\s*[-/.年년]\s*(?<m>\d{1,2})(?!\d))?", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearDigits();

    [GeneratedRegex(@"(?<!\d)(?<m>\d{1,2})\s*[月월](?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CjkMonth();
}
