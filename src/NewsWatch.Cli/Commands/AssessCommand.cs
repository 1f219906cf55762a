using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsWatch.Assessment;
using NewsWatch.Evaluation.Relevance;
using NewsWatch.Extraction;
using NewsWatch.Fetching;
using NewsWatch.Stories;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// <c>newswatch assess</c>: relevance, approval events and their reasons for one or more articles
/// (.txt: first line is the title; .html/.gz: extracted first; http(s) URL: fetched and extracted),
/// and the story each falls into among the ones given.
/// </summary>
internal sealed class AssessCommand(CliContext context) : ICliCommand
{
    private const int MaxFileBytes = 64 * 1024 * 1024;

    public string Name => "assess";

    public string Usage => "assess <file|url>... [--json] [--subject FILE] [--lang CODE] [--published DATE]   relevance, approval events and reasons; stories among the inputs";

    public IReadOnlyList<CliOptionSpec> OptionSpecs =>
    [
        CliOptionSpec.Json,
        CliOptionSpec.Value("subject", "FILE", "watch subject file (default: Xiaomi EV)"),
        // A pasted .txt excerpt carries neither; both change the reading (cues in the article's language, dates before it).
        CliOptionSpec.Value("lang", "CODE", "language of the inputs (en, zh, zh-Hant, ja …; default: the page's, none for .txt)"),
        CliOptionSpec.Value("published", "DATE", "publication date of the inputs (ISO-8601; default: the page's, none for .txt)"),
    ];

    public CliArgumentSpec? Argument => new("sources", "pages: files (.gz allowed) or http(s) addresses", Many: true);

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count == 0)
        {
            throw new CliUsageException("missing a file or URL");
        }

        var subject = args.Get("subject") is { } file ? AssessmentJson.LoadWatchSubject(context.ResolvePath(file)) : WatchSubjectOptions.XiaomiEv();
        var assessor = new ArticleAssessor(Options.Create(subject));
        var language = args.Get("lang");
        var published = ReadingCommand.Date(args, "published");
        var inputs = new List<(string Source, AssessmentInput Input)>();
        foreach (var source in args.Positionals)
        {
            try
            {
                var input = await LoadAsync(source, cancellationToken);
                inputs.Add((source, input with { Language = language ?? input.Language, Published = published ?? input.Published }));
            }
            catch (Exception ex) when (ex is ExtractionException or FetchException or IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"newswatch assess: {source}: {ex.Message}");
                return 1;
            }
        }

        var now = DateTimeOffset.UtcNow;
        var components = StoryComponents.For(subject);
        var assessed = inputs.Select(i => (i.Source, i.Input, Assessment: assessor.Assess(i.Input))).ToList();
        var stories = await StoryGrouping.AssignAllAsync(
            components.NewIndex(),
            [.. assessed.Select(a => new StoryArticle(
                a.Source, a.Input.Url, a.Input.Title, a.Input.Url?.Host, a.Input.Language, a.Input.Published ?? now,
                components.Reader.Read(a.Input.Title, a.Input.Text, a.Assessment)))],
            cancellationToken);
        var results = assessed.Select((a, n) => (a.Source, a.Assessment, Story: stories[n])).ToList();
        await context.Out.WriteLineAsync(args.Has("json") ? ToJson(results) : ToText(results));
        return 0;
    }

    private async Task<AssessmentInput> LoadAsync(string source, CancellationToken ct)
    {
        if (!ArticleSource.IsWebAddress(source, out _)
            && context.ResolvePath(source) is var path
            && path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            // Plain text: the first line is the title.
            var text = (await File.ReadAllTextAsync(path, ct)).ReplaceLineEndings("\n");
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            return newline < 0
                ? new AssessmentInput(null, text, new Uri(path), null, null)
                : new AssessmentInput(text[..newline], text[(newline + 1)..], new Uri(path), null, null);
        }

        var page = await ArticleSource.LoadAsync(context, source, MaxFileBytes, ct);
        var e = new ArticleExtractor().Extract(page);
        return new AssessmentInput(e.Title, e.Text, e.CanonicalUrl ?? page.RequestedUrl, e.Published, e.Language);
    }

    private static string ToText(List<(string Source, ArticleAssessment Assessment, StoryAssignment Story)> results)
    {
        var s = new System.Text.StringBuilder();
        foreach (var (source, a, story) in results)
        {
            s.Append(CultureInfo.InvariantCulture, $"== {source}\n");
            s.Append(CultureInfo.InvariantCulture, $"relevant: {(a.Relevance.IsRelevant ? "yes" : "no")} (score {a.Relevance.Score:0.00})\n");
            foreach (var r in a.Relevance.Reasons)
            {
                Reason(s, "  ", r);
            }

            s.Append(CultureInfo.InvariantCulture, $"approval: {RelevanceEvaluation.ApprovalLabel(a)}\n");
            foreach (var e in a.Events)
            {
                s.Append(CultureInfo.InvariantCulture, $"  event {e.Key}: {e.Status.ToString().ToLowerInvariant()}\n    evidence: {e.Evidence}\n");
                foreach (var r in e.Reasons)
                {
                    Reason(s, "    ", r);
                }
            }

            foreach (var r in a.ApprovalNotes)
            {
                Reason(s, "  ", r);
            }

            if (story.IsNew)
            {
                s.Append(CultureInfo.InvariantCulture, $"story: {story.StoryId} (new)\n\n");
            }
            else
            {
                s.Append(CultureInfo.InvariantCulture, $"story: {story.StoryId} (joined, evidence score {story.Score:0.0})\n\n");
            }
        }

        return s.ToString().TrimEnd();
    }

    private static void Reason(System.Text.StringBuilder s, string indent, AssessmentReason r)
    {
        s.Append(CultureInfo.InvariantCulture, $"{indent}{r.Signal}: {r.Detail}\n");
        if (r.Sentence is { } sentence)
        {
            s.Append(CultureInfo.InvariantCulture, $"{indent}  \"{sentence}\"\n");
        }
    }

    private static string ToJson(List<(string Source, ArticleAssessment Assessment, StoryAssignment Story)> results)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var (source, a, story) in results)
            {
                w.WriteStartObject();
                w.WriteString("source", source);
                w.WriteString("approval", RelevanceEvaluation.ApprovalLabel(a));
                w.WritePropertyName("assessment");
                JsonSerializer.Serialize(w, a, AssessmentJson.Default.ArticleAssessment);
                w.WriteStartObject("story");
                w.WriteString("id", story.StoryId);
                w.WriteBoolean("isNew", story.IsNew);
                w.WriteNumber("score", story.Score);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
