using Microsoft.AspNetCore.Http;
using NewsWatch.Stories;

namespace NewsWatch.Web.Api;

/// <summary><c>GET /api/stories/{id}</c>: one story with its sources across outlets and languages.</summary>
public sealed class StoryEndpoint(IStoryCatalog catalog)
{
    public Task<IResult> HandleAsync(string id, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(async () =>
            IsStoryId(id) && await catalog.GetAsync(id, cancellationToken) is { } story
                ? ApiResults.Json(story, ApiJson.Default.StorySummary)
                : ApiResults.NotFound("no story with that id"));

    /// <summary>Story ids are "story-" and a hex digest; other text must not reach a storage filter.</summary>
    private static bool IsStoryId(string? id) => id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
