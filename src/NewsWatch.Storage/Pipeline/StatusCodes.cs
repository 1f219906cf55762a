using Azure.Core;

namespace NewsWatch.Storage.Pipeline;

/// <summary>
/// Which statuses count as success per operation. Immutable and shared, so no classifier is allocated per call;
/// retry decisions (408/429/500/502/503/504, network errors) still come from Azure.Core's base classifier.
/// </summary>
internal static class StatusCodes
{
    public static ResponseClassifier Ok { get; } = new StatusCodeClassifier([200]);

    public static ResponseClassifier Created { get; } = new StatusCodeClassifier([201]);

    public static ResponseClassifier Accepted { get; } = new StatusCodeClassifier([202]);

    public static ResponseClassifier NoContent { get; } = new StatusCodeClassifier([204]);

    public static ResponseClassifier CreatedOrNoContent { get; } = new StatusCodeClassifier([201, 204]);

    public static ResponseClassifier OkOrNoContent { get; } = new StatusCodeClassifier([200, 204]);

    public static ResponseClassifier OkOrNotFound { get; } = new StatusCodeClassifier([200, 404]);

    public static ResponseClassifier NoContentOrNotFound { get; } = new StatusCodeClassifier([204, 404]);

    public static ResponseClassifier AcceptedOrNotFound { get; } = new StatusCodeClassifier([202, 404]);

    public static ResponseClassifier NoContentOrConflict { get; } = new StatusCodeClassifier([204, 409]);

    public static ResponseClassifier CreatedOrConflict { get; } = new StatusCodeClassifier([201, 409]);

    public static ResponseClassifier CreatedNoContentOrConflict { get; } = new StatusCodeClassifier([201, 204, 409]);
}
