using NewsWatch.Extraction.Content;

namespace NewsWatch.Core.Tests.Extraction;

public sealed class ContentRulesTests
{
    [Theory]
    [InlineData("article-share")]
    [InlineData("share-article")]
    [InlineData("related-posts")]
    [InlineData("comments-area")]
    [InlineData("entry-meta")]
    [InlineData("newsletter-signup")]
    [InlineData("socialButtons")]
    [InlineData("byLine")]
    [InlineData("ad-slot")]
    public void Chrome_class_names_are_negative(string name) =>
        Assert.True(ClassNameHints.Classify(name).HasFlag(NodeHint.Negative));

    [Theory]
    [InlineData("entry-content")]
    [InlineData("article-body")]
    [InlineData("articleBody")]
    [InlineData("story-body__inner")]
    public void Body_container_names_are_recognised(string name) =>
        Assert.True(ClassNameHints.Classify(name).HasFlag(NodeHint.BodyContainer));

    [Theory]
    [InlineData("category-social-media")]
    [InlineData("tag-comments")]
    [InlineData("has-sidebar")]
    [InlineData("content-with-sidebar-wrp")]
    [InlineData("hidden-xs")]
    [InlineData("twitter-tweet")]
    public void Labels_and_states_are_not_chrome(string name) =>
        Assert.False(ClassNameHints.Classify(name).HasFlag(NodeHint.Negative));

    [Theory]
    [InlineData("sr-only")]
    [InlineData("visually-hidden")]
    public void Screen_reader_only_names_are_hidden(string name) =>
        Assert.True(ClassNameHints.Classify(name).HasFlag(NodeHint.Hidden));

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("(Also read | Xiaomi beats profit estimates, bold sign for electric vehicle project dream )")]
    [InlineData("Sign up for Top Insights Today")]
    [InlineData("By clicking subscribe you agree to our privacy and cookie policy and terms and conditions of use.")]
    [InlineData("(Image credit: Xiaomi)")]
    [InlineData("Sourced from Cnevpost.")]
    [InlineData("error: Content is protected !!")]
    [InlineData("TAGS: Xiaomi EV EVs Electric vehicles")]
    [InlineData("First Published Date: 27 Aug 2022, 10:43 AM IST")]
    [InlineData("By Jane Doe and John Roe | Reuters")]
    [InlineData("Read More")]
    [InlineData("Skip to content")]
    [InlineData("Leggi anche: Xiaomi YU7, prezzi e allestimenti")]
    [InlineData("Lesen Sie auch: Xiaomi baut zweites Werk")]
    [InlineData("À lire aussi : la Xiaomi SU7 arrive en Europe ?")]
    [InlineData("Leia também: Xiaomi supera Tesla na China")]
    [InlineData("Читайте также: Xiaomi открыла второй завод")]
    [InlineData("相关阅读：小米汽车二期工厂投产")]
    public void Junk_lines_are_recognised(string line) => Assert.True(BoilerplateText.IsJunk(line));

    [Theory]
    [InlineData("By the end of the year, the company expects to have shipped more than a million units to customers in Europe.")]
    [InlineData("Posted on social media by the performance analysts at Digital Foundry, the Stadia port of the game is not entirely smooth on the streaming service.")]
    [InlineData("Related research published last year found the same effect in mice, the authors said.")]
    [InlineData("Sign up rates for the program doubled after the change, according to figures released on Monday by the ministry and confirmed by two officials.")]
    public void Prose_that_starts_like_junk_is_kept(string line) => Assert.False(BoilerplateText.IsJunk(line));
}
