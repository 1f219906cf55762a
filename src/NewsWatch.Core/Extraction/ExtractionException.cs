namespace NewsWatch.Extraction;

/// <summary>Why a page could not be extracted; lets callers decide between "skip" and "retry later".</summary>
public enum ExtractionFailure
{
    /// <summary>The server said the content is something other than HTML (PDF, image, JSON...).</summary>
    NotHtml,

    /// <summary>The bytes look binary (file signature or control characters), whatever the server claimed.</summary>
    Binary,

    /// <summary>The body is larger than <see cref="ExtractionOptions.MaxBodyBytes"/>.</summary>
    TooLarge,

    /// <summary>The body is empty or only whitespace.</summary>
    Empty,

    /// <summary>Elements are nested deeper than <see cref="ExtractionOptions.MaxNestingDepth"/>.</summary>
    TooDeep,
}

/// <summary>Content that cannot be turned into an article. The message says what was wrong with it.</summary>
public class ExtractionException : Exception
{
    public ExtractionException()
    {
    }

    public ExtractionException(string message)
        : base(message)
    {
    }

    public ExtractionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExtractionException(ExtractionFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public ExtractionFailure Failure { get; }
}
