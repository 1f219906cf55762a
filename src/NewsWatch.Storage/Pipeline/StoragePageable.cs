using System.Runtime.CompilerServices;
using Azure;

namespace NewsWatch.Storage.Pipeline;

/// <summary>
/// An <see cref="AsyncPageable{T}"/> over a "fetch one page from a continuation token" function. Keeps asking
/// while the service hands back a token, including after empty pages (which Azure Table can return).
/// </summary>
internal sealed class StoragePageable<T>(
    Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage,
    CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        Enumerate(continuationToken, pageSizeHint, CancellationToken);

    private async IAsyncEnumerable<Page<T>> Enumerate(
        string? continuationToken,
        int? pageSizeHint,
        CancellationToken pageableToken,
        [EnumeratorCancellation] CancellationToken enumeratorToken = default)
    {
        using var linked = enumeratorToken.CanBeCanceled && pageableToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(pageableToken, enumeratorToken)
            : null;
        var token = linked?.Token ?? (enumeratorToken.CanBeCanceled ? enumeratorToken : pageableToken);
        do
        {
            var page = await fetchPage(continuationToken, pageSizeHint, token).ConfigureAwait(false);
            yield return page;
            continuationToken = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuationToken));
    }
}
