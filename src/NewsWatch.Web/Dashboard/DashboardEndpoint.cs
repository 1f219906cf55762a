using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace NewsWatch.Web.Dashboard;

/// <summary>
/// The dashboard's files, embedded in this assembly: the app serves them itself (no CDN, nothing to deploy
/// beside it). The page references its script and style relatively, so it works at <c>/</c> (serve) and at
/// <c>/api/dashboard/</c> (Functions) alike.
/// </summary>
public sealed class DashboardEndpoint
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
        ["favicon.svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, byte[]> _files = ContentTypes.Keys.ToFrozenDictionary(name => name, Load, StringComparer.Ordinal);

    /// <param name="file">The asset name; null or empty for the page itself.</param>
    public IResult Handle(string? file)
    {
        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        return _files.TryGetValue(name, out var body)
            ? Api.ApiResults.File(body, ContentTypes[name])
            : Api.ApiResults.NotFound("no such file");
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(DashboardEndpoint).Assembly.GetManifestResourceStream("NewsWatch.Web.Dashboard." + name)
            ?? throw new InvalidOperationException($"dashboard asset {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
