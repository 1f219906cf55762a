namespace NewsWatch.Assessment.Approval;

/// <summary>
/// The identity of an approval across articles: what was approved (regulator, kind), for whom (the company,
/// or a model for per-model kinds) and, where stated, the announcement batch. Free of wording and report dates,
/// so every rewrite of the same approval in any language maps to it; versioned, because the first keys
/// ("subject|regulator|kind") lumped different models' listings into one event.
/// </summary>
internal static class ApprovalEventKey
{
    public const string Version = "v2";

    /// <summary>Target of approvals granted to the company rather than to one model.</summary>
    public const string CompanyTarget = "company";

    public static string Create(string subject, string regulator, string kind, string? model, string? batch)
    {
        var key = string.Join('|', Version, Normalize(subject), Normalize(regulator), Normalize(kind), model is null ? CompanyTarget : Normalize(model));
        return batch is null ? key : key + "|batch-" + Normalize(batch);
    }

    /// <summary>The unversioned key alerts recorded before versioning carry.</summary>
    public static string Legacy(string subject, string regulator, string kind) =>
        string.Join('|', Normalize(subject), Normalize(regulator), Normalize(kind));

    private static string Normalize(string part) => part.Trim().ToLowerInvariant().Replace('|', '-').Replace(' ', '-');
}
