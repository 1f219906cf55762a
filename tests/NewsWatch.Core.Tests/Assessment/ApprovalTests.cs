using NewsWatch.Assessment;

namespace NewsWatch.Core.Tests.Assessment;

public class ApprovalTests
{
    private static readonly ArticleAssessor Assessor = ArticleAssessor.ForXiaomiEv();

    private static NewsWatch.Assessment.ArticleAssessment Assess(string? title, string text) =>
        Assessor.Assess(new AssessmentInput(title, text, null, null, null));

    private static ApprovalStatus? Status(string? title, string text) => Assess(title, text).ApprovalStatusForArticle;

    [Fact]
    public void A_reported_ndrc_grant_is_granted_with_a_stable_key_and_evidence()
    {
        var a = Assess(
            "Xiaomi wins NDRC nod to build EVs",
            "Xiaomi has reportedly received approval from the National Development and Reform Commission to make electric vehicles, sources say.\nThe carmaker plans to start production in December.");

        var e = Assert.Single(a.Events);
        Assert.Equal(ApprovalStatus.Granted, e.Status);
        Assert.Equal("v2|xiaomi-ev|ndrc|investment-approval|company", e.Key);
        Assert.Equal("NDRC", e.Regulator);
        Assert.Contains(e.Reasons, r => r.Signal == "approval-granted" && r.Detail.Contains("attributed to sources", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_rewrites_of_one_grant_share_the_event_key()
    {
        var first = Assess("China clears Xiaomi to make cars", "The state planner signed off on Xiaomi's EV project this month, Reuters said.");
        var second = Assess(null, "小米已获得国家发改委的电动汽车生产批文，据知情人士透露。");

        Assert.Equal(ApprovalStatus.Granted, first.ApprovalStatusForArticle);
        Assert.Equal(ApprovalStatus.Granted, second.ApprovalStatusForArticle);
        Assert.Equal(first.PrimaryEvent!.Key, second.PrimaryEvent!.Key);
    }

    [Theory]
    [InlineData("Xiaomi is close to getting the green light from regulators to build electric cars.")]
    [InlineData("Xiaomi has applied for a production licence and is awaiting a decision by the NDRC on its EV plant.")]
    [InlineData("Xiaomi's EV project is facing difficulties in obtaining a licence from the authorities.")]
    [InlineData("Xiaomi has so far not received a production qualification for its cars from the regulators.")]
    [InlineData("Xiaomi still needs MIIT approval before its electric sedan can go on sale.")]
    [InlineData("小米汽车已接近获得新能源汽车生产资质。")]
    [InlineData("小米汽車仍需工信部審批，才能量產電動車。")]
    [InlineData("샤오미는 아직 전기차 생산 허가를 받지 못했다.")]
    public void Statements_short_of_a_grant_are_pending(string text) =>
        Assert.Equal(ApprovalStatus.Pending, Status(null, text));

    [Fact]
    public void A_refusal_is_denied() =>
        Assert.Equal(ApprovalStatus.Denied, Status(null, "The NDRC rejected Xiaomi's application to build an EV plant, officials said."));

    [Fact]
    public void A_recall_is_regulatory_but_not_an_approval()
    {
        var a = Assess(null, "Xiaomi is recalling 30,000 SU7 cars after filing a plan with the SAMR, which approved the recall.");

        Assert.Null(a.ApprovalStatusForArticle);
        Assert.Contains(a.ApprovalNotes, n => n.Detail.Contains("recall", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_companys_approval_is_not_the_subjects()
    {
        var a = Assess(
            "Xiaomi EV news",
            "Xiaomi keeps building its car plant.\nMeanwhile XPeng received a production licence from the MIIT for its new factory.");

        Assert.Null(a.ApprovalStatusForArticle);
        Assert.Contains(a.ApprovalNotes, n => n.Detail.Contains("about XPeng", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pronoun_clause_continues_the_sentence_subject_not_the_nearest_company() =>
        Assert.Equal(
            ApprovalStatus.Pending,
            Status(null, "Xiaomi is exploring a tie-up with BAIC because it has been held up in getting a licence to make cars."));

    [Fact]
    public void A_grant_told_as_backstory_is_not_news()
    {
        var a = Assess(null, "Xiaomi's SU7 deliveries rose again in May.\nThe carmaker had received NDRC approval back in 2023 before starting production.");

        Assert.Null(a.ApprovalStatusForArticle);
        Assert.Contains(a.ApprovalNotes, n => n.Signal == "approval-background");
    }

    [Fact]
    public void Past_perfect_in_reported_speech_is_still_the_news() =>
        Assert.Equal(
            ApprovalStatus.Granted,
            Status(null, "Xiaomi said on Wednesday it had received approval from the NDRC to produce electric vehicles."));

    [Fact]
    public void The_remaining_step_with_another_regulator_does_not_undo_a_grant()
    {
        var a = Assess(
            "NDRC approves Xiaomi's EV plans",
            "The NDRC has approved Xiaomi's plan to build electric cars.\nXiaomi still needs to obtain approval from the Ministry of Industry and Information Technology (MIIT).");

        Assert.Equal(ApprovalStatus.Granted, a.ApprovalStatusForArticle);
        Assert.Equal(
            ["v2|xiaomi-ev|ndrc|investment-approval|company:Granted", "v2|xiaomi-ev|miit|production-qualification|company:Pending"],
            a.Events.Select(e => $"{e.Key}:{e.Status}"));
    }

    [Fact]
    public void A_lone_body_claim_of_a_grant_does_not_overturn_a_headline_and_lead_saying_pending()
    {
        var a = Assess(
            "Xiaomi struggles to win approval for its EV project",
            "Xiaomi is facing difficulties in getting regulatory approval for its electric car project.\nThe company is in talks with BAIC about a factory.\nThe NDRC has given the company the approval it applied for.");

        var e = Assert.Single(a.Events);
        Assert.Equal(ApprovalStatus.Pending, e.Status);
        Assert.Contains(e.Reasons, r => r.Signal == "approval-conflict");
    }

    [Fact]
    public void A_statement_without_a_named_regulator_joins_the_regulator_named_nearby()
    {
        var a = Assess(
            "China gives green light to Xiaomi's car venture",
            "The National Development and Reform Commission approved Xiaomi's EV project this month.");

        var e = Assert.Single(a.Events);
        Assert.Equal("NDRC", e.Regulator);
        Assert.Equal("China gives green light to Xiaomi's car venture", e.Evidence);
    }

    [Fact]
    public void A_catalogue_listing_framed_as_a_step_is_pending_with_its_own_kind()
    {
        var a = Assess(null, "The Xiaomi YU7 appeared in the MIIT catalogue, a step needed to obtain the sales licence.");

        var e = Assert.Single(a.Events);
        Assert.Equal((ApprovalStatus.Pending, "v2|xiaomi-ev|miit|catalogue-listing|yu7"), (e.Status, e.Key));
    }

    [Fact]
    public void Approval_words_without_any_authority_are_not_regulatory() =>
        Assert.Null(Status(null, "Xiaomi's SU7 won the approval of reviewers at the motor show."));

    [Fact]
    public void Phone_certification_in_a_phone_story_is_not_an_ev_approval() =>
        Assert.Null(Status("Xiaomi 15 gets MIIT approval", "The Xiaomi 15 smartphone received approval from the MIIT ahead of launch.\nThe phone has a Leica camera."));
}
