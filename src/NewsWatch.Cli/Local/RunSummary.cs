using System.Collections.Concurrent;
using NewsWatch.Pipeline;

namespace NewsWatch.Cli.Local;

/// <summary>Tallies what one local run did, for the closing summary.</summary>
internal sealed class RunSummary
{
    private readonly ConcurrentQueue<PollSummary> _polls = new();
    private readonly ConcurrentQueue<ProcessOutcome> _outcomes = new();

    public void Add(PollSummary poll) => _polls.Enqueue(poll);

    /// <summary>The outbox after the last sweep of a <c>--once</c> run.</summary>
    public NewsWatch.Alerts.AlertDeliveryReport? FinalAlerts { get; set; }

    public void Add(ProcessOutcome outcome) => _outcomes.Enqueue(outcome);

    public IReadOnlyList<PollSummary> Polls => [.. _polls];

    public IReadOnlyList<ProcessOutcome> Outcomes => [.. _outcomes];

    public int Count(ProcessStatus status) => _outcomes.Count(o => o.Status == status);

    public void WriteTo(TextWriter writer, int poisoned)
    {
        var lastPoll = _polls.LastOrDefault();
        writer.WriteLine();
        writer.WriteLine("NewsWatch run summary");
        if (lastPoll is not null)
        {
            foreach (var feed in lastPoll.Feeds)
            {
                writer.WriteLine(feed.Error is null
                    ? $"  feed {feed.FeedId,-24} {feed.Outcome,-12} {feed.ItemsFound,3} items, {feed.ItemsQueued,3} new"
                    : $"  feed {feed.FeedId,-24} FAILED       {feed.Error}");
            }
        }

        writer.WriteLine($"  items queued:      {_polls.Sum(p => p.ItemsQueued)}");
        writer.WriteLine($"  articles stored:   {Count(ProcessStatus.Stored)}");
        writer.WriteLine($"  unchanged:         {Count(ProcessStatus.Unchanged)}");
        writer.WriteLine($"  failed for good:   {Count(ProcessStatus.Failed)}");
        writer.WriteLine($"  dead-lettered:     {poisoned}");
        if ((FinalAlerts ?? lastPoll?.Alerts) is { } alerts)
        {
            writer.WriteLine($"  alerts pending:    {alerts.Pending} (last sweep sent {alerts.Sent}, {alerts.Failed} failed)");
        }

        var outbox = (FinalAlerts ?? lastPoll?.Alerts)?.PickupDirectory;
        if (outbox is not null)
        {
            writer.WriteLine($"  alert emails:      {outbox} ({DescribeEmails(outbox)})");
        }

        foreach (var o in _outcomes.Where(o => o.Status != ProcessStatus.Unchanged))
        {
            var assessment = o.IsRelevant is null ? "" : $"{(o.IsRelevant.Value ? "relevant" : "not relevant"),-12} approval: {o.Approval ?? "none",-8} ";
            writer.WriteLine($"    {o.Status,-9} {o.Key}  {assessment}{o.Title}{(o.Error is null ? "" : "  (" + o.Error + ")")}");
        }
    }

    /// <summary>
    /// The pickup sender creates its folder with the first email, so a run that has sent nothing yet names a folder
    /// that does not exist. Catching rather than checking first also covers the folder being removed meanwhile.
    /// </summary>
    private static string DescribeEmails(string folder)
    {
        try
        {
            return $"{Directory.EnumerateFiles(folder, "*.eml").Count()} .eml files";
        }
        catch (DirectoryNotFoundException)
        {
            return "none yet";
        }
    }
}
