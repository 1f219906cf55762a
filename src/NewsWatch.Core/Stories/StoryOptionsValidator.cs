using Microsoft.Extensions.Options;

namespace NewsWatch.Stories;

/// <summary>Checks what data annotations cannot: the fingerprint's shape and the window's range.</summary>
public sealed class StoryOptionsValidator : IValidateOptions<StoryOptions>
{
    public ValidateOptionsResult Validate(string? name, StoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Bands * options.RowsPerBand != options.HashCount)
        {
            failures.Add("Stories: HashCount must equal Bands x RowsPerBand");
        }

        if (options.Window <= TimeSpan.Zero || options.Window > TimeSpan.FromDays(365))
        {
            failures.Add("Stories: Window must be positive and at most 365 days");
        }

        if (options.Entities.Any(e => string.IsNullOrWhiteSpace(e.Name) || e.Aliases.Count == 0))
        {
            failures.Add("Stories: every entity needs a Name and at least one alias");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
