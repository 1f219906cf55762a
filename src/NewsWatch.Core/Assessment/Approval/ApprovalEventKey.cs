namespace NewsWatch.Assessment.Approval;

/// <summary>
/// The identity of an approval across articles: subject, regulator and kind, lower-case, joined by '|'.
/// Deliberately free of dates and wording, so every later report of the same approval maps to it.
/// </summary>
internal static class ApprovalEventKey
{
    public static string Create(string subject, string regulator, string kind) =>
        string.Join('|', Normalize(subject), Normalize(regulator), Normalize(kind));

    private static string Normalize(string part) => part.Trim().ToLowerInvariant().Replace('|', '-').Replace(' ', '-');
}
