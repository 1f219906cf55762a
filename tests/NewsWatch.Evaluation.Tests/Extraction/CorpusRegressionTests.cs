using System.Runtime.CompilerServices;
using NewsWatch.Extraction;
using NewsWatch.Evaluation.Extraction;
using NewsWatch.Benchmarks.Extraction;
using NewsWatch.Benchmarks.Measurement;

namespace NewsWatch.Evaluation.Tests.Extraction;

/// <summary>
/// Guards the quality bar on the shared development corpus (../shared/corpus/extraction/dev
/// beside the repository). Without that folder it fails and says so: CI always has it, and a check that passes on
/// nothing would hide a regression.
/// </summary>
public sealed class CorpusRegressionTests
{
    [Fact]
    public void Dev_corpus_meets_the_quality_bar()
    {
        var corpus = FindCorpus() ?? throw new DirectoryNotFoundException(
            "The shared extraction corpus (../shared/corpus/extraction/dev beside the repository) was not found; clone the repository next to the shared folder.");

        var report = ExtractionEvaluator.Evaluate(new ArticleExtractor(), ExtractionCorpus.Load(corpus));

        Assert.Equal(111, report.Summary.Pages);
        Assert.True(report.Summary.F1 >= 0.970, $"F1 {report.Summary.F1:F4}");
        Assert.True(report.Summary.Precision >= 0.95, $"precision {report.Summary.Precision:F4}");
        Assert.True(report.Summary.Recall >= 0.95, $"recall {report.Summary.Recall:F4}");
    }

    /// <summary>Looks above this source file (the build output may live outside the repository), the output and the working directory.</summary>
    private static string? FindCorpus([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in (ReadOnlySpan<string>)[Path.GetDirectoryName(sourceFile) ?? ".", AppContext.BaseDirectory, Environment.CurrentDirectory])
        {
            if (FindAbove(start) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? FindAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            foreach (var root in (ReadOnlySpan<string>)[dir.FullName, Path.Combine(dir.FullName, "..", "shared")])
            {
                var candidate = Path.Combine(root, "shared", "corpus", "extraction", "dev");
                if (File.Exists(Path.Combine(candidate, "ground-truth.json")))
                {
                    return candidate;
                }

                candidate = Path.Combine(root, "corpus", "extraction", "dev");
                if (File.Exists(Path.Combine(candidate, "ground-truth.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
