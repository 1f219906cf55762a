using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsWatch.Assessment;

namespace NewsWatch.Core.Tests.Assessment;

public class WatchSubjectTests
{
    private const string NioApproval =
        "NIO wins MIIT production licence\nNIO has received a licence from the MIIT to build cars on its own, ending its contract deal with JAC.\nNIO delivered 20,000 electric vehicles in November.";

    [Fact]
    public void Another_company_is_watched_by_configuration_alone()
    {
        var nio = new ArticleAssessor(Options.Create(AssessmentJson.LoadWatchSubject(RepoFile("config/watch-subjects/nio-ev.json"))));

        var a = nio.Assess(new AssessmentInput(null, NioApproval, null, null, "en"));

        Assert.True(a.Relevance.IsRelevant);
        Assert.Equal(ApprovalStatus.Granted, a.ApprovalStatusForArticle);
        Assert.Equal("v2|nio-ev|miit|production-qualification|company", a.PrimaryEvent!.Key);
    }

    [Fact]
    public void The_default_subject_does_not_take_another_companys_approval()
    {
        var a = ArticleAssessor.ForXiaomiEv().Assess(new AssessmentInput(null, NioApproval, null, null, "en"));

        Assert.False(a.Relevance.IsRelevant);
        Assert.Null(a.ApprovalStatusForArticle);
    }

    [Fact]
    public void Unconfigured_options_mean_the_default_subject()
    {
        var a = new ArticleAssessor(Options.Create(new WatchSubjectOptions()))
            .Assess(new AssessmentInput("Xiaomi gets NDRC nod to build EVs", "The NDRC approved Xiaomi's electric car project.", null, null, null));

        Assert.Equal("v2|xiaomi-ev|ndrc|investment-approval|company", a.PrimaryEvent!.Key);
    }

    [Fact]
    public void A_subject_without_a_key_is_refused() =>
        Assert.Throws<OptionsValidationException>(() =>
            new ArticleAssessor(Options.Create(new WatchSubjectOptions { CompanyAliases = ["Acme"] })));

    [Theory]
    [InlineData("""{ "WatchSubject": { "Key": "acme-ev", "CompanyAliases": ["Acme"] } }""")]
    [InlineData("""{ "key": "acme-ev", "companyAliases": ["Acme"], /* comments allowed */ }""")]
    public void Subject_files_are_read_bare_or_under_their_configuration_section(string json)
    {
        var subject = AssessmentJson.ReadWatchSubject(json);

        Assert.Equal(("acme-ev", "Acme"), (subject.Key, subject.CompanyAliases.Single()));
    }

    [Fact]
    public void A_teaser_for_another_story_does_not_make_phone_news_ev_news()
    {
        const string Phone = "Xiaomi 16 gets its 3C certificate\nThe next Xiaomi smartphone has passed China's 3C certification with 100 W charging, ahead of its launch.";
        var assessor = ArticleAssessor.ForXiaomiEv();

        var withTeaser = assessor.Assess(new AssessmentInput(null, Phone + "\nRead more: Xiaomi SU7 Ultra electric car review, the fastest EV sedan we drove", null, null, "en"));

        Assert.False(withTeaser.Relevance.IsRelevant);
        Assert.Equal(assessor.Assess(new AssessmentInput(null, Phone, null, null, "en")).Relevance.Score, withTeaser.Relevance.Score);
    }

    [Fact]
    public void Assessments_round_trip_through_json_with_their_reasons()
    {
        var a = ArticleAssessor.ForXiaomiEv().Assess(new AssessmentInput(
            "Xiaomi gets NDRC nod", "Xiaomi has received approval from the NDRC to make electric cars, sources said.", null, null, null));

        var json = JsonSerializer.Serialize(a, AssessmentJson.Default.ArticleAssessment);
        var back = JsonSerializer.Deserialize(json, AssessmentJson.Default.ArticleAssessment)!;

        Assert.Contains("\"status\": \"Granted\"", json, StringComparison.Ordinal);
        Assert.Equal(a.Events.Single().Key, back.Events.Single().Key);
        Assert.Equal(a.Relevance.Reasons.Count, back.Relevance.Reasons.Count);
        Assert.Equal(ApprovalStatus.Granted, back.ApprovalStatusForArticle);
    }

    private static string RepoFile(string relative, [CallerFilePath] string thisFile = "")
    {
        // The test binaries may be built outside the tree (NW_ARTIFACTS); the source path is inside it.
        var dir = Path.GetDirectoryName(thisFile);
        while (dir is not null && !File.Exists(Path.Combine(dir, "NewsWatch.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? throw new DirectoryNotFoundException("repository root not found"), relative);
    }
}

public class XiaomiSubjectFileTests
{
    [Fact]
    public void The_default_subject_is_the_embedded_config_file()
    {
        var fromFile = NewsWatch.Assessment.AssessmentJson.LoadWatchSubject(
            Path.Combine(NewsWatch.Testing.Repo.RepoPaths.Root, "config", "watch-subjects", "xiaomi-ev.json"));
        var embedded = NewsWatch.Assessment.WatchSubjectOptions.XiaomiEv();

        Assert.Equal("xiaomi-ev", embedded.Key);
        Assert.Equal(fromFile.Models.Select(m => m.Name), embedded.Models.Select(m => m.Name));
        Assert.Contains("YU7", embedded.Models.Select(m => m.Name));
        Assert.Equal(fromFile.TopicTerms, embedded.TopicTerms);
        Assert.Equal(fromFile.ApprovalLanguage.Keys, embedded.ApprovalLanguage.Keys);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    [InlineData("ja")]
    [InlineData("ko")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("pt")]
    [InlineData("ru")]
    public void Every_reported_language_can_state_a_grant_a_wait_and_a_negation(string language)
    {
        var l = WatchSubjectOptions.XiaomiEv().ApprovalLanguage[language];

        Assert.NotEmpty(l.ApprovalNouns.Concat(l.LicenceNouns));
        Assert.NotEmpty(l.GrantVerbs);
        Assert.NotEmpty(l.TransferVerbs);
        Assert.NotEmpty(l.PendingCues.Concat(l.PendingCuesAfter).Concat(l.PendingCuesEitherSide));
        Assert.NotEmpty(l.Negations.Concat(l.NegationsAfter));
        Assert.NotEmpty(l.Hedges);
    }

    [Fact]
    public void No_approval_word_is_listed_twice_with_different_reach()
    {
        // The matcher keeps the first listing of a word in a role, so a second one with another scope
        // ("pending" before and after) would be dead configuration that reads as if it worked.
        var conflicts = NewsWatch.Assessment.Approval.ApprovalLexicon.Entries(WatchSubjectOptions.XiaomiEv().ApprovalLanguage)
            .GroupBy(e => (e.Kind, NewsWatch.Assessment.Text.TextFolding.Fold(e.Term.Trim())))
            .Where(g => g.Select(e => e.Scope).Distinct().Count() > 1)
            .Select(g => $"{g.Key.Kind} '{g.Key.Item2}'")
            .ToList();

        Assert.Empty(conflicts);
    }
}

public class ApprovalLanguageTests
{
    private const string Report = "Acme gets state nod for its car plant\nThe NDRC zorbed Acme's electric car plant on Monday.";

    [Fact]
    public void Approval_vocabulary_comes_from_the_subject_not_from_code()
    {
        var withWord = Assess(new ApprovalLanguageOptions { GrantVerbs = ["zorbed"] });
        var without = Assess(new ApprovalLanguageOptions { GrantVerbs = ["approved"] });

        Assert.Equal(ApprovalStatus.Granted, withWord.ApprovalStatusForArticle);
        Assert.Equal("v2|acme-ev|ndrc|approval|company", withWord.PrimaryEvent!.Key);
        Assert.Null(without.ApprovalStatusForArticle);
    }

    [Fact]
    public void Month_names_come_from_the_subject_languages()
    {
        const string Dated = "Acme got the NDRC's approval for its car plant in Brumaire.";
        var published = new DateTimeOffset(2025, 12, 20, 0, 0, 0, TimeSpan.Zero);
        var months = Enumerable.Range(1, 12).Select(m => m == 2 ? new List<string> { "brumaire" } : []).ToList();

        var named = Assess(new ApprovalLanguageOptions { TransferVerbs = ["got"], ApprovalNouns = ["approval"], MonthNames = months }, Dated, published);
        var unnamed = Assess(new ApprovalLanguageOptions { TransferVerbs = ["got"], ApprovalNouns = ["approval"] }, Dated, published);

        Assert.Equal(ApprovalStatus.Granted, unnamed.ApprovalStatusForArticle);
        Assert.NotEqual(ApprovalStatus.Granted, named.ApprovalStatusForArticle);
    }

    [Fact]
    public void A_verb_listed_in_one_form_matches_the_endings_its_language_declares_as_forms_of_one_word()
    {
        const string Plural = "The NDRC zorbedas Acme's electric car plants on Monday.";

        var declared = Assess(new ApprovalLanguageOptions { GrantVerbs = ["zorbed"], EndingForms = [["ed", "edas"]] }, Plural);
        var undeclared = Assess(new ApprovalLanguageOptions { GrantVerbs = ["zorbed"] }, Plural);

        Assert.Equal(ApprovalStatus.Granted, declared.ApprovalStatusForArticle);
        Assert.Null(undeclared.ApprovalStatusForArticle);
    }

    [Theory]
    [InlineData("autorisé", "autorisée autorisés autorisées")]
    [InlineData("одобрена", "одобрен одобрено одобрены")]
    [InlineData("a obtenu", "")]
    [InlineData("approv*", "")]
    [InlineData("é", "")]
    public void Other_forms_replace_the_longest_declared_ending_of_a_one_word_term(string term, string expected)
    {
        List<List<string>> forms = [["é", "ée", "és", "ées"], ["u", "ue", "us", "ues"], ["ен", "ена", "ено", "ены"], ["н", "на"]];

        Assert.Equal(expected, string.Join(' ', NewsWatch.Assessment.Approval.ApprovalLexicon.OtherForms(term, forms)));
    }

    [Fact]
    public void The_default_subject_reads_a_french_plural_participle_it_lists_only_in_the_singular()
    {
        var a = ArticleAssessor.ForXiaomiEv().Assess(new AssessmentInput(
            "Xiaomi : les SU7 et YU7 autorisées par le MIIT", "Les deux voitures électriques de Xiaomi autorisées par le ministère de l'Industrie.", null, null, "fr"));

        Assert.Equal(ApprovalStatus.Granted, a.ApprovalStatusForArticle);
        Assert.DoesNotContain("autorisées", WatchSubjectOptions.XiaomiEv().ApprovalLanguage["fr"].GrantVerbs);
    }

    private static ArticleAssessment Assess(ApprovalLanguageOptions language, string text = Report, DateTimeOffset? published = null)
    {
        var subject = new WatchSubjectOptions
        {
            Key = "acme-ev",
            Name = "Acme",
            CompanyAliases = ["Acme"],
            TopicTerms = ["electric car", "car plant", "car"],
            Regulators = [new RegulatorOptions { Code = "NDRC", Aliases = ["NDRC"] }],
            ApprovalLanguage = new() { ["xx"] = language },
        };
        return new ArticleAssessor(Options.Create(subject)).Assess(new AssessmentInput(null, text, null, published, "en"));
    }
}
