using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Feeds;

/// <summary>One feed the operator asked us to watch (configuration, not state).</summary>
public sealed class FeedDefinition
{
    /// <summary>Short stable id; used as the partition of the feed's state, so never change it for a live feed.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$", ErrorMessage = "{0} must be lower-case letters, digits and '-' (max 63), e.g. \"cnevpost\".")]
    public string Id { get; set; } = "";

    [Required]
    public Uri? Url { get; set; }

    public string? Name { get; set; }

    public bool Enabled { get; set; } = true;

    public override string ToString() => $"{Id} ({Url})";
}
