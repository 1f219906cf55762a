using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NewsWatch.Stories;

namespace NewsWatch.Core.Tests.Stories;

public partial class StoryFingerprinterTests
{
    private static readonly StoryFingerprinter Fingerprinter = new(Options.Create(new StoryOptions()));

    [Fact]
    public void Hashes_are_pinned_so_stored_ids_and_band_keys_stay_valid_across_processes_and_releases()
    {
        // A changed hash would orphan every story id and band key already stored; change these only with a migration.
        Assert.Equal("story-320ae740aa00917b", StoryIds.ForFirstArticle("https://news.example/a/1"));
        Assert.Equal("b00-8a0b896e71a2cc23", Fingerprinter.Compute(StoryFixtures.Original).BandKeys[0]);
        Assert.Equal(
            Fingerprinter.Compute(StoryFixtures.Original).BandKeys,
            new StoryFingerprinter(Options.Create(new StoryOptions())).Compute(StoryFixtures.Original).BandKeys);
    }

    [Fact]
    public void Band_keys_are_table_row_key_safe_one_per_band()
    {
        var keys = Fingerprinter.Compute(StoryFixtures.Original).BandKeys;

        Assert.Equal(new StoryOptions().Bands, keys.Count);
        Assert.All(keys, k => Assert.Matches(RowKey(), k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void A_syndicated_copy_is_above_the_threshold_and_an_unrelated_story_far_below()
    {
        var original = Fingerprinter.Compute(StoryFixtures.Original);

        Assert.True(original.Similarity(Fingerprinter.Compute(StoryFixtures.SyndicatedCopy)) >= new StoryOptions().SimilarityThreshold);
        Assert.True(original.Similarity(Fingerprinter.Compute(StoryFixtures.Unrelated)) < 0.1);
        Assert.Equal(1, original.Similarity(Fingerprinter.Compute(StoryFixtures.Original)));
    }

    [Fact]
    public void A_rewrite_in_other_words_is_not_a_near_duplicate() =>
        // Documented limit: shingles see shared wording, not shared meaning.
        Assert.True(Fingerprinter.Compute(StoryFixtures.Original).Similarity(Fingerprinter.Compute(StoryFixtures.Rewrite)) < new StoryOptions().SimilarityThreshold);

    [Fact]
    public void Traditional_and_simplified_prints_of_one_chinese_text_coincide()
    {
        var simplified = Fingerprinter.Compute("小米汽车已经接近获得新能源汽车的生产资质，两位知情人士证实了这一消息，不过在资质最终获颁之前仍存在变数。");
        var traditional = Fingerprinter.Compute("小米汽車已經接近獲得新能源汽車的生產資質，兩位知情人士證實了這一消息，不過在資質最終獲頒之前仍存在變數。");

        Assert.Equal(1, simplified.Similarity(traditional));
    }

    [Fact]
    public void Texts_too_short_to_compare_get_no_band_keys() =>
        Assert.Empty(Fingerprinter.Compute("Xiaomi SU7 news").BandKeys);

    [Fact]
    public void Inconsistent_band_layout_is_refused() =>
        Assert.Throws<OptionsValidationException>(() => new StoryFingerprinter(Options.Create(new StoryOptions { HashCount = 100, Bands = 42, RowsPerBand = 3 })));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex RowKey();
}
