using NewsWatch.Assessment.Matching;
using NewsWatch.Assessment.Text;

namespace NewsWatch.Core.Tests.Assessment;

public class TextLayerTests
{
    [Theory]
    [InlineData("發改委", "发改委")]
    [InlineData("発改委", "发改委")]
    [InlineData("工業和信息化部", "工业和信息化部")]
    [InlineData("ＮＤＲＣ", "ndrc")]
    [InlineData("Go-Ahead", "go ahead")]
    [InlineData("Xiaomi’s", "xiaomi's")]
    public void Folding_makes_spelling_variants_equal(string variant, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(variant));

    [Fact]
    public void Folding_keeps_length_so_positions_stay_valid()
    {
        const string text = "小米汽車獲得生產資質。ＮＤＲＣ";
        Assert.Equal(text.Length, TextFolding.Fold(text).Length);
    }

    [Fact]
    public void Latin_sentences_split_at_full_stops_but_not_after_abbreviations()
    {
        var sentences = Split("Xiaomi Corp. bought a stake in the No. 2 plant in the U.S. market. The NDRC approved it! Is MIIT next?");

        Assert.Equal(
            ["Xiaomi Corp. bought a stake in the No. 2 plant in the U.S. market.", "The NDRC approved it!", "Is MIIT next?"],
            sentences);
    }

    [Fact]
    public void Chinese_sentences_split_at_ideographic_stops_and_lines_are_boundaries()
    {
        var sentences = Split("小米获批。仍需工信部许可！\nHeadline without a stop\nBody.");

        Assert.Equal(["小米获批。", "仍需工信部许可！", "Headline without a stop", "Body."], sentences);
    }

    [Fact]
    public void Glued_sentences_from_scraped_copy_are_split()
    {
        Assert.Equal(["It slipped to fifth.", "Once a leader, it fell."], Split("It slipped to fifth.Once a leader, it fell."));
    }

    [Fact]
    public void A_german_ordinal_after_its_article_does_not_end_a_sentence_but_a_closing_figure_does()
    {
        Assert.Equal(
            ["Das MIIT hat am 12. Juli die 385. Charge veröffentlicht.", "Der Preis liegt bei 215900.", "Danach kam die Zulassung."],
            Split("Das MIIT hat am 12. Juli die 385. Charge veröffentlicht. Der Preis liegt bei 215900. Danach kam die Zulassung."));
    }

    [Fact]
    public void Decimal_numbers_do_not_end_a_sentence() =>
        Assert.Single(Split("Revenue fell 4.6 percent to 73.4 billion yuan."));

    [Fact]
    public void Latin_terms_match_whole_words_only()
    {
        var matches = Find("A union of NIO owners; nio", ("NIO", 1));

        Assert.Equal([("NIO", 1), ("nio", 1)], matches);
    }

    [Fact]
    public void Stems_and_compound_tails_match_inside_words()
    {
        var matches = Find("Die Produktionsgenehmigung wurde approved; approval pending.", ("*genehmigung", 1), ("approv*", 2));

        Assert.Equal([("genehmigung", 1), ("approv", 2), ("approv", 2)], matches);
    }

    [Fact]
    public void Han_terms_match_anywhere_and_across_scripts_after_folding()
    {
        var matches = Find("傳小米已拿下生產資質", ("生产资质", 1), ("小米", 2));

        Assert.Equal([("小米", 2), ("生產資質", 1)], matches);
    }

    [Fact]
    public void Hangul_terms_accept_a_trailing_particle()
    {
        Assert.Equal([("샤오미", 1)], Find("샤오미는 승인을 얻었다", ("샤오미", 1)));
    }

    [Fact]
    public void Longest_overlapping_term_wins_and_spaces_collapse()
    {
        var matches = Find("Xiaomi   Auto got it; 未获批 and 获批", ("Xiaomi", 1), ("Xiaomi Auto", 2), ("获批", 3), ("未获批", 4));

        Assert.Equal([("Xiaomi   Auto", 2), ("未获批", 4), ("获批", 3)], matches);
    }

    private static string[] Split(string text)
    {
        var spans = new List<SentenceSpan>();
        SentenceSegmenter.Split(text, spans);
        return [.. spans.Select(s => text[s.Start..s.End])];
    }

    private static List<(string Text, int Id)> Find(string text, params (string Term, int Id)[] terms)
    {
        var builder = new TermMatcher.Builder();
        foreach (var (term, id) in terms)
        {
            builder.Add(term, id);
        }

        var matches = new List<TermMatch>();
        builder.Build().FindAll(text, matches);
        return [.. matches.Select(m => (text[m.Start..m.End], m.TermId))];
    }
}
