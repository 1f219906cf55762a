using Azure;

namespace NewsWatch.Storage.Pipeline;

/// <summary>The "not found" answer of the <c>...IfExists</c> operations: the raw response, no value.</summary>
internal sealed class ValuelessResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T Value => throw new InvalidOperationException(
        $"The service answered {response.Status}; there is no value. Check HasValue first.");

    public override Response GetRawResponse() => response;
}
