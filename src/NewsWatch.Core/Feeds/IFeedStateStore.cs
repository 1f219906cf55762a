namespace NewsWatch.Feeds;

public interface IFeedStateStore
{
    Task<FeedState?> GetAsync(string feedId, CancellationToken cancellationToken = default);

    Task SaveAsync(FeedState state, CancellationToken cancellationToken = default);

    IAsyncEnumerable<FeedState> ListAsync(CancellationToken cancellationToken = default);
}
