namespace NewsWatch.WorkerHarness;

/// <summary>The worker did not do what the host protocol expects; the message carries its stdout/stderr tails.</summary>
public sealed class WorkerHarnessException : Exception
{
    public WorkerHarnessException()
    {
    }

    public WorkerHarnessException(string message)
        : base(message)
    {
    }

    public WorkerHarnessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
