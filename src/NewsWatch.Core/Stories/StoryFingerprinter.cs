using System.Globalization;
using Microsoft.Extensions.Options;

namespace NewsWatch.Stories;

/// <summary>
/// Computes an article's MinHash signature and LSH band keys. Each of the n hash functions is the
/// shingle hash remixed with a fixed per-function seed, so signatures are reproducible everywhere;
/// the minimum over the shingles per function is kept. Bands of r rows are hashed into keys (see
/// <see cref="StoryOptions.RowsPerBand"/> for the candidate probabilities).
/// </summary>
public sealed class StoryFingerprinter
{
    private readonly StoryOptions _options;
    private readonly ulong[] _seeds;

    public StoryFingerprinter(IOptions<StoryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.HashCount <= 0 || _options.Bands <= 0 || _options.Bands * _options.RowsPerBand != _options.HashCount)
        {
            throw new OptionsValidationException(
                StoryOptions.SectionName, typeof(StoryOptions), ["Stories: HashCount must equal Bands x RowsPerBand"]);
        }

        _seeds = new ulong[_options.HashCount];
        for (var i = 0; i < _seeds.Length; i++)
        {
            _seeds[i] = StableHash.Mix(0xA0761D6478BD642FUL + (ulong)i);
        }
    }

    public StoryFingerprint Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shingles = new HashSet<ulong>();
        Shingler.Shingle(text, _options.WordShingleSize, _options.CjkShingleSize, shingles);

        var minima = new ulong[_options.HashCount];
        Array.Fill(minima, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < minima.Length; i++)
            {
                var h = StableHash.Mix(shingle ^ _seeds[i]);
                if (h < minima[i])
                {
                    minima[i] = h;
                }
            }
        }

        return new StoryFingerprint(minima, shingles.Count >= _options.MinShingles ? BandKeys(minima) : [], shingles.Count);
    }

    private string[] BandKeys(ulong[] minima)
    {
        var keys = new string[_options.Bands];
        for (var b = 0; b < keys.Length; b++)
        {
            var h = (ulong)b;
            for (var r = 0; r < _options.RowsPerBand; r++)
            {
                h = StableHash.Combine(h, minima[(b * _options.RowsPerBand) + r]);
            }

            keys[b] = string.Create(CultureInfo.InvariantCulture, $"b{b:00}-{h:x16}");
        }

        return keys;
    }
}
