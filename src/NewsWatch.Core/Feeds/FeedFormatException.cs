namespace NewsWatch.Feeds;

/// <summary>The document is not a feed we can read (not XML, not RSS/Atom, or malformed).</summary>
public sealed class FeedFormatException : Exception
{
    public FeedFormatException(string message) : base(message) { }

    public FeedFormatException(string message, Exception inner) : base(message, inner) { }
}
