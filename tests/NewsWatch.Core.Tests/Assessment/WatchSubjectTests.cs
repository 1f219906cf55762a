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
        Assert.Equal(
            ["de", "en", "es", "fr", "it", "ja", "ko", "pt", "ru", "zh"],
            embedded.ApprovalLanguage.Keys.Order(StringComparer.Ordinal));
    }
}
