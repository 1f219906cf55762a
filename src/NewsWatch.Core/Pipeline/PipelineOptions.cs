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
}
