using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Pipeline;

namespace NewsWatch.Infrastructure.Composition;

// Data-annotation checks generated at compile time rather than ValidateDataAnnotations(), which reads the
// attributes by reflection: the release handler is trimmed, and the trimmer cannot see what reflection needs.
// Lists are checked item by item where the list says so ([ValidateEnumeratedItems]).

/// <summary>Checks <see cref="PipelineOptions"/> against its data annotations.</summary>
[OptionsValidator]
internal sealed partial class PipelineOptionsValidator : IValidateOptions<PipelineOptions>;

/// <summary>Checks <see cref="AlertOptions"/> against its data annotations.</summary>
[OptionsValidator]
internal sealed partial class AlertOptionsValidator : IValidateOptions<AlertOptions>;

/// <summary>Checks <see cref="NewsWatch.Stories.StoryOptions"/> against its data annotations.</summary>
[OptionsValidator]
internal sealed partial class StoryOptionsAnnotationsValidator : IValidateOptions<NewsWatch.Stories.StoryOptions>;
