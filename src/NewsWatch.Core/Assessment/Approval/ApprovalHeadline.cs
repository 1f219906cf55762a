using System.Globalization;

namespace NewsWatch.Assessment.Approval;

/// <summary>
/// Says in words what an event is, for the alert's subject line: a grant in the kind's own phrasing from the
/// watch subject ("{name} listed in MIIT vehicle catalogue (approval for sale)"), anything else as the
/// approval's label and its state, so a pending notice never reads like a grant.
/// </summary>
internal static class ApprovalHeadline
{
    public static string For(
        WatchSubjectOptions subject, string regulator, ApprovalKindOptions? kind, string? model, string? batch, ApprovalStatus status)
    {
        var company = subject.CompanyName is { Length: > 0 } c ? c : subject.Name;
        var name = model is null ? company : $"{company} {model}";
        var unnamed = regulator == ApprovalEvent.UnspecifiedRegulator;
        var label = kind is { Label.Length: > 0 } ? kind.Label : unnamed ? "regulatory approval (regulator not named)" : $"{regulator} approval";
        var headline = status switch
        {
            ApprovalStatus.Granted when kind is { GrantedHeadline.Length: > 0 } => kind.GrantedHeadline.Replace("{name}", name, StringComparison.Ordinal),
            ApprovalStatus.Granted => $"{name} gets {label}",
            ApprovalStatus.Denied => $"{name}: {label} refused",
            _ => $"{name}: {label} still pending",
        };
        return batch is null ? headline : string.Create(CultureInfo.InvariantCulture, $"{headline}, batch {batch}");
    }
}
