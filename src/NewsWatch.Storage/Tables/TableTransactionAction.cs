using Azure;

namespace NewsWatch.Storage.Tables;

public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    Delete,
    UpsertMerge,
    UpsertReplace,
}

/// <summary>One operation of an entity group transaction.</summary>
/// <param name="etag">For Update*/Delete: only act on this version (default: any version).</param>
public sealed class TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
{
    public TableTransactionActionType ActionType { get; } = actionType;

    public ITableEntity Entity { get; } = entity ?? throw new ArgumentNullException(nameof(entity));

    public ETag ETag { get; } = etag;
}

/// <summary>
/// An entity group transaction was rejected: nothing in it was written. <see cref="FailedTransactionActionIndex"/>
/// points at the action the service refused (when the service said which).
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedIndex, TableTransactionAction? failedAction)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedIndex;
        FailedTransactionAction = failedAction;
    }

    public TableTransactionFailedException()
        : base("The table transaction failed.")
    {
    }

    public TableTransactionFailedException(string message)
        : base(message)
    {
    }

    public TableTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? FailedTransactionActionIndex { get; }

    public TableTransactionAction? FailedTransactionAction { get; }
}
