using Microsoft.Extensions.Options;
using NewsWatch.Assessment;
using NewsWatch.Assessment.Text;

namespace NewsWatch.Stories;

/// <summary>Reads an article's <see cref="StoryEvidence"/> from its headline, text and assessment.</summary>
public sealed class StoryEvidenceReader
{
    private readonly StoryFingerprinter _fingerprinter;
    private readonly StoryLexicon _lexicon;
    private readonly StoryOptions _options;

    public StoryEvidenceReader(StoryFingerprinter fingerprinter, StoryLexicon lexicon, IOptions<StoryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _fingerprinter = fingerprinter;
        _lexicon = lexicon;
        _options = options.Value;
    }

    public StoryLexicon Lexicon => _lexicon;

    public StoryEvidence Read(string? title, string text, ArticleAssessment? assessment)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fingerprint = _fingerprinter.Compute(text);
        var all = title is { Length: > 0 } ? title + "\n" + text : text;
        var lead = Lead(all);
        return new StoryEvidence(
            assessment is null ? [] : [.. assessment.Events.Select(e => EventKey(e.Key, e.Status)).Distinct(StringComparer.Ordinal)],
            _lexicon.Find(all),
            [.. Quantities.Find(lead).Take(_options.MaxQuantities)],
            Words(title, int.MaxValue),
            fingerprint.ShingleCount >= _options.MinShingles ? fingerprint.Minima : [])
        {
            LeadWords = Words(lead, MaxLeadWords),
        };
    }

    /// <summary>
    /// The headline and first paragraphs: where a report states its news. Figures further down are mostly background
    /// (prices, earlier sales, the company's long-term plans) that many stories of one company repeat.
    /// </summary>
    private string Lead(string text) => text.Length <= _options.LeadChars ? text : text[.._options.LeadChars];

    public static string EventKey(string key, ApprovalStatus status) => key + "=" + status.ToString().ToLowerInvariant();

    private const int MaxLeadWords = 160;

    private static string[] Words(string? title, int limit)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return [];
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < title.Length)
        {
            if (Scripts.IsCjk(title[i]))
            {
                if (i + 1 < title.Length && Scripts.IsCjk(title[i + 1]))
                {
                    words.Add(new string([TextFolding.Fold(title[i]), TextFolding.Fold(title[i + 1])]));
                }

                if (words.Count >= limit)
                {
                    break;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < title.Length && Scripts.IsWordChar(title[i]) && !Scripts.IsCjk(title[i]))
            {
                i++;
            }

            if (i - start >= 3)
            {
                words.Add(new string([.. title.AsSpan(start, i - start).ToArray().Select(TextFolding.Fold)]));
            }

            if (words.Count >= limit)
            {
                break;
            }

            i = Math.Max(i, start + 1);
        }

        return [.. words];
    }
}
