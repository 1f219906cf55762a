using NewsWatch.Assessment;

namespace NewsWatch.Core.Tests.Assessment;

public class RelevanceTests
{
    private static readonly ArticleAssessor Assessor = ArticleAssessor.ForXiaomiEv();

    private static RelevanceResult Relevance(string? title, string text) =>
        Assessor.Assess(new AssessmentInput(title, text, null, null, null)).Relevance;

    [Fact]
    public void Xiaomi_ev_deliveries_are_relevant_with_reasons_quoting_sentences()
    {
        var r = Relevance(
            "Xiaomi delivers 20,000 SU7 sedans in a month",
            "Xiaomi's car unit handed over more than 20,000 electric vehicles in October.\nThe company expects its Beijing factory to add a second shift.");

        Assert.True(r.IsRelevant);
        Assert.True(r.Score > 0.8, $"score {r.Score}");
        Assert.Contains(r.Reasons, x => x.Signal == "subject-topic" && x.Sentence!.Contains("SU7", StringComparison.Ordinal));
        Assert.StartsWith("score", r.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("샤오미자동차, 베이징서 자율주행 시험 허가", "샤오미자동차가 베이징시로부터 레벨3 자율주행 도로 시험 허가를 받았다고 밝혔다.")]
    [InlineData("シャオミ自動車、自動運転の公道試験へ", "シャオミ自動車は北京で自動運転の公道試験を始める。")]
    public void The_car_units_own_name_and_automated_driving_are_the_subjects_ev_business(string title, string text) =>
        Assert.True(Relevance(title, text).IsRelevant);

    [Fact]
    public void The_items_under_a_read_also_heading_are_teasers_not_the_article()
    {
        var r = Relevance(
            "BYD starts building cars in Hungary",
            "BYD's factory in Szeged began production of electric cars on Monday.\n\nAlso read:\n— Xiaomi SU7 deliveries top 20,000 electric cars\n— Xiaomi YU7 electric SUV: what the orders mean\n\nThe plant will make 150,000 cars a year.");

        Assert.DoesNotContain(r.Reasons, x => x.Sentence?.Contains("Xiaomi", StringComparison.Ordinal) == true);
        Assert.False(r.IsRelevant);
    }

    [Fact]
    public void Xiaomi_phone_news_is_not_relevant()
    {
        var r = Relevance(
            "Xiaomi 15 Ultra camera leak",
            "A leaked photo shows the Xiaomi 15 Ultra with a Leica periscope camera.\nThe smartphone runs HyperOS on a Snapdragon chip.\nXiaomi will launch the phone in March.");

        Assert.False(r.IsRelevant);
        Assert.Contains(r.Reasons, x => x.Signal == "subject-off-topic");
    }

    [Fact]
    public void A_passing_mention_in_another_carmakers_story_is_not_relevant()
    {
        var r = Relevance(
            "Tesla cuts Model Y prices in China",
            "Tesla lowered prices again as BYD expands its lineup.\nBuyers could also look at the Xiaomi SU7 or a BYD Seal.\nTesla said deliveries would recover in the second half.\nAnalysts expect Tesla to keep its margins under pressure.");

        Assert.False(r.IsRelevant);
        Assert.Contains("passing mention", r.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Xiaomi now holds its own production qualification: the ministry granted it the licence to build cars without BAIC.")]
    [InlineData("Xiaomi ya cuenta con su propia licencia para fabricar coches, sin depender de BAIC.")]
    public void A_one_sentence_brief_that_opens_with_the_subject_is_about_it_even_when_it_names_a_partner(string text)
    {
        var r = Relevance(null, text);

        Assert.True(r.IsRelevant, r.Reasons[0].Detail);
        Assert.DoesNotContain("passing mention", r.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_carmakers_brief_that_names_the_subject_second_stays_a_passing_mention()
    {
        var r = Relevance(null, "NIO has received approval to build cars on its own, ending its reliance on JAC. Xiaomi, another new entrant, still builds its cars through BAIC.");

        Assert.False(r.IsRelevant);
        Assert.Contains("passing mention", r.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Xiaomi is hoping for a decision from the NDRC within weeks, people familiar with the matter said.")]
    [InlineData("小米正在等待国家发改委的批复。")]
    public void The_state_planner_beside_the_company_speaks_of_its_car_business(string text)
    {
        Assert.True(Relevance(null, text).IsRelevant);
    }

    [Fact]
    public void A_regulator_that_also_licenses_phones_is_not_enough_by_itself()
    {
        Assert.False(Relevance(null, "Xiaomi is waiting for a decision from the MIIT, people familiar with the matter said.").IsRelevant);
    }

    [Fact]
    public void A_co_main_subject_next_to_a_rival_is_relevant()
    {
        var r = Relevance(
            "Xiaomi SU7 outsells Tesla Model 3 in December",
            "The Xiaomi SU7 sold more cars than the Tesla Model 3 last month.\nTesla has cut prices twice.\nXiaomi plans to raise output at its EV plant.\nTesla is betting on the new Model Y.");

        Assert.True(r.IsRelevant);
    }

    [Theory]
    [InlineData("Xiaomi weighs its options", "Xiaomi has no permit of its own yet. The smartphone maker has sounded out carmakers such as Chery and BAIC about building its cars.")]
    [InlineData("Xiaomi ищет партнёра", "Xiaomi пока не получила собственного разрешения. Смартфонный гигант ведёт переговоры с BAIC и Chery о выпуске автомобилей.")]
    public void A_description_of_the_subject_beside_other_companies_keeps_the_sentence_about_the_subject(string title, string text)
    {
        var r = Relevance(title, text);

        Assert.True(r.IsRelevant, r.Reasons[0].Detail);
        Assert.Contains(r.Reasons, x => x.Signal == "subject-topic" && x.Sentence!.Contains("Chery", StringComparison.Ordinal));
    }

    [Fact]
    public void A_description_after_another_companys_sentence_does_not_stand_for_the_subject()
    {
        var r = Relevance(
            "NIO weighs its options",
            "NIO has no permit of its own yet. The tech giant has sounded out carmakers such as Chery about building its cars. Xiaomi declined to comment on NIO's plans.");

        Assert.DoesNotContain(r.Reasons, x => x.Signal == "subject-topic" && x.Sentence!.Contains("Chery", StringComparison.Ordinal));
    }

    [Fact]
    public void A_phone_named_by_its_model_number_is_phone_news_even_beside_a_line_on_the_car()
    {
        var r = Relevance(
            "Xiaomi 15 passa dalla certificazione 3C",
            "Lo Xiaomi 15 è stato avvistato nel database 3C con una ricarica cablata di 90 W.\nLo Xiaomi 15 Pro arriverà a fine ottobre.\nNel frattempo il gruppo festeggia le consegne della berlina SU7.");

        Assert.False(r.IsRelevant, r.Reasons[0].Detail);
        Assert.Contains(r.Reasons, x => x.Signal == "subject-off-topic");
    }

    [Fact]
    public void Company_without_its_business_words_is_not_enough()
    {
        var r = Relevance("Xiaomi opens a store", "Xiaomi opened a flagship store in Paris.\nThe store sells household goods.");

        Assert.False(r.IsRelevant);
    }

    [Theory]
    [InlineData("小米汽车交付新车", "小米汽车本月交付了两万辆电动汽车。雷军表示工厂将继续扩产。")]
    [InlineData("小米汽車交付新車", "小米汽車本月交付了兩萬輛電動汽車。雷軍表示工廠將繼續擴產。")]
    [InlineData(null, "Xiaomi hat im Oktober mehr als 20.000 Elektroautos ausgeliefert. Der Konzern baut sein Werk in Peking aus.")]
    public void Chinese_in_both_scripts_and_other_languages_are_understood(string? title, string text) =>
        Assert.True(Relevance(title, text).IsRelevant);

    [Fact]
    public void Text_in_an_unlisted_language_degrades_to_what_names_and_numbers_say()
    {
        // Turkish is not in the vocabulary: the model name still carries subject and topic.
        var r = Relevance(null, "Xiaomi SU7 Türkiye'de tanıtıldı. SU7 ilk elektrikli modeli.");

        Assert.True(r.IsRelevant);
        Assert.False(Relevance(null, "Xiaomi yeni bir mağaza açtı.").IsRelevant);
    }

    [Fact]
    public void Empty_text_is_not_relevant() => Assert.False(Relevance(null, "").IsRelevant);

    [Fact]
    public void An_industry_story_that_names_the_subject_once_as_an_example_is_not_about_it()
    {
        const string Story = "New rules for electric car batteries take effect in July\n"
            + "China's new safety standard for electric vehicle batteries will apply to every new car sold from July. "
            + "Batteries must not catch fire or explode for two hours after a cell fails. "
            + "Carmakers have a year to adapt models already on sale. "
            + "Several popular electric sedans, among them the Xiaomi SU7, already use cells that pass the test.";
        const string Brief = "Xiaomi SU7 battery passes the new safety test\nThe Xiaomi SU7's battery passed China's new thermal-runaway test, the carmaker said.";

        Assert.False(Relevance(null, Story).IsRelevant);
        Assert.True(Relevance(null, Brief).IsRelevant);
    }

    [Fact]
    public void Another_carmakers_approval_with_the_subjects_history_in_the_body_is_their_story()
    {
        const string Body = "The industry ministry approved two sedans with conditional automated driving for public roads on Monday.\n"
            + "Regulators have been cautious since a Xiaomi SU7 crashed on a motorway in March while its driver assistance was on.\n"
            + "Xiaomi, which builds its electric cars in Beijing, has said it wants to deliver 400,000 cars this year.";

        Assert.False(Relevance("Changan and Arcfox win China's first Level 3 approvals", Body).IsRelevant);
        Assert.True(Relevance("Xiaomi's driver assistance under scrutiny as Changan wins Level 3 approval", Body).IsRelevant);
    }

    [Theory]
    [InlineData("de", "Neue E-Scooter von Xiaomi: Der Mi Electric Scooter 5 hat die Betriebserlaubnis des Kraftfahrt-Bundesamts erhalten. Parallel arbeitet Xiaomi an seinem nächsten Elektroauto.")]
    [InlineData("en", "Xiaomi's new robot vacuum and two e-scooters go on sale in Europe next month. The company also builds electric cars in Beijing.")]
    public void Scooters_and_robot_vacuums_are_the_companys_other_business(string language, string text)
    {
        var a = Assessor.Assess(new AssessmentInput(null, text, null, null, language));

        Assert.False(a.Relevance.IsRelevant);
        Assert.Null(a.ApprovalStatusForArticle);
    }
}
