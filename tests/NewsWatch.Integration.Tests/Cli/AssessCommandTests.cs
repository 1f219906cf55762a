namespace NewsWatch.Integration.Tests.Cli;

/// <summary><c>newswatch assess</c> on a pasted excerpt: its language and date change the reading.</summary>
public sealed class AssessCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newswatch-assess-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_language_given_decides_which_cues_are_read()
    {
        // Portuguese "no catálogo" is "in the catalogue"; read as English, "no" negates the listing.
        var file = await ExcerptAsync("Xiaomi SU7 entra no catálogo do MIIT\nO sedã elétrico da Xiaomi entrou no catálogo do Ministério da Indústria.");

        var (_, unknown, _) = await RunAsync("assess", file, "--json");
        var (code, portuguese, _) = await RunAsync("assess", file, "--json", "--lang", "pt");

        Assert.Equal(0, code);
        Assert.Contains("\"approval\": \"granted\"", portuguese, StringComparison.Ordinal);
        Assert.DoesNotContain("\"approval\": \"granted\"", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_date_given_makes_an_earlier_grant_history()
    {
        var file = await ExcerptAsync("Xiaomi EV news\nXiaomi received NDRC approval in August 2023 to build electric vehicles, Reuters reported.");

        var (_, then, _) = await RunAsync("assess", file, "--published", "2023-08-24");
        var (_, later, _) = await RunAsync("assess", file, "--published", "2025-03-01");

        Assert.Contains("approval: granted", then, StringComparison.Ordinal);
        Assert.Contains("approval: none", later, StringComparison.Ordinal);
        Assert.Contains("approval-background", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_that_is_not_one_is_a_usage_error()
    {
        var file = await ExcerptAsync("Xiaomi EV news\nXiaomi delivered 20,000 cars.");

        var (code, _, error) = await RunAsync("assess", file, "--published", "last week");

        Assert.NotEqual(0, code);
        Assert.Contains("--published takes an ISO-8601 date", error, StringComparison.Ordinal);
    }

    private async Task<string> ExcerptAsync(string text)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private Task<(int Code, string Out, string Error)> RunAsync(params string[] args) => CliRunner.RunAsync(_folder, args);
}
