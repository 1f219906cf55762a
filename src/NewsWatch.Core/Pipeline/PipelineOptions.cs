using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using NewsWatch.Feeds;

namespace NewsWatch.Pipeline;

/// <summary>What to watch and how often (configuration section "NewsWatch").</summary>
public sealed class PipelineOptions
{
    public const string Section = "NewsWatch";

    /// <summary>Six-field NCRONTAB, as the Functions timer trigger reads it (UTC).</summary>
    [Required]
    public string PollSchedule { get; set; } = "0 */15 * * * *";

    /// <summary>Each entry is checked against its own annotations at start-up, so a mistyped feed is named there.</summary>
    [ValidateEnumeratedItems]
    public List<FeedDefinition> Feeds { get; set; } = [];

    /// <summary>How many feeds are fetched at once; sites are different hosts, so a few in parallel is polite enough.</summary>
    [Range(1, 32)]
    public int FeedConcurrency { get; set; } = 4;

    /// <summary>
    /// After a feed's first failed poll it is skipped for this long, doubling with every further failure up to
    /// <see cref="MaxFeedBackoff"/>, so a dead feed is not hammered; one success resets it. Set it to the poll interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FeedBackoff { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaxFeedBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The wait after the given number of consecutive failures (1 = the first).</summary>
    public TimeSpan BackoffAfter(int consecutiveFailures)
    {
        var doublings = Math.Clamp(consecutiveFailures - 1, 0, 30);
        var ticks = Math.Min(FeedBackoff.Ticks * Math.Pow(2, doublings), MaxFeedBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
