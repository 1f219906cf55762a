namespace NewsWatch.Alerts;

/// <summary>
/// Exponential backoff between send attempts: <c>initial × 2^(attempts−1)</c>, capped. No jitter: alerts are a
/// handful a day, so there is no herd of retries to spread, and a predictable schedule is easier to read in
/// <c>newswatch alerts list</c>.
/// </summary>
public sealed class RetryBackoff(TimeSpan initialDelay, TimeSpan maxDelay, int? maxAttempts)
{
    public TimeSpan InitialDelay { get; } = initialDelay > TimeSpan.Zero ? initialDelay : TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; } = maxDelay >= initialDelay ? maxDelay : initialDelay;

    public int? MaxAttempts { get; } = maxAttempts;

    public static RetryBackoff From(AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RetryBackoff(options.InitialRetryDelay, options.MaxRetryDelay, options.MaxAttempts);
    }

    /// <summary>How long to wait after the <paramref name="failedAttempts"/>-th failure in a row.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = InitialDelay.Ticks * Math.Pow(2, doublings);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public bool IsExhausted(int failedAttempts) => MaxAttempts is { } max && failedAttempts >= max;
}
