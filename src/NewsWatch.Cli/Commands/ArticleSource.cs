using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Articles;
using NewsWatch.Cli.Local;
using NewsWatch.Extraction.Decoding;
using NewsWatch.Infrastructure.Composition;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// A page named on the command line: an http(s) address is fetched the way the pipeline fetches (same limits and
/// refusals), anything else is a stored file (.gz allowed) read as if it had just been fetched from its file: URL.
/// </summary>
internal static class ArticleSource
{
    public static bool IsWebAddress(string source, out Uri url) =>
        Uri.TryCreate(source, UriKind.Absolute, out url!) && url.Scheme is "http" or "https";

    /// <param name="maxFileBytes">How far a stored file may inflate; each command sets what its users may feed it.</param>
    public static async Task<Article> LoadAsync(CliContext context, string source, int maxFileBytes, CancellationToken cancellationToken) =>
        IsWebAddress(source, out var url)
            ? await FetchAsync(url, cancellationToken)
            : ReadFile(context.ResolvePath(source), maxFileBytes);

    private static Article ReadFile(string path, int maxBytes)
    {
        var body = CompressedContent.ReadFile(path, maxBytes);
        var url = new Uri(path);
        return new Article(url, url, MediaType: null, Charset: null, body, File.GetLastWriteTimeUtc(path));
    }

    private static async Task<Article> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddNewsWatch(LocalConfiguration.Load(null))
            .BuildServiceProvider();
        return await services.GetRequiredService<ArticleFetcher>().FetchAsync(url, cancellationToken);
    }
}
