using System.Text;

namespace NewsWatch.WorkerHarness;

/// <summary>
/// The host's <c>%setting%</c> binding expressions. The worker reports them unresolved (functions.metadata holds
/// <c>%NewsWatch:PollSchedule%</c>); the host replaces them from app settings before it creates a trigger, so the
/// harness does the same to show which schedule or queue the deployed app would really use.
/// </summary>
internal static class SettingExpressions
{
    /// <summary>
    /// App settings are environment variables on the host, where <c>:</c> in a name is spelled <c>__</c> and names are
    /// compared without case; one key form is kept so both spellings find the same value.
    /// </summary>
    public static string NormalizeKey(string key) => key.Replace("__", ":", StringComparison.Ordinal).ToUpperInvariant();

    public static string? Resolve(string? value, IReadOnlyDictionary<string, string> settingsByNormalizedKey)
    {
        if (value is null || !value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var start = value.IndexOf('%', i);
            var end = start < 0 ? -1 : value.IndexOf('%', start + 1);
            if (end < 0)
            {
                result.Append(value, i, value.Length - i);
                break;
            }

            result.Append(value, i, start - i);
            var name = value[(start + 1)..end];
            // An unresolvable expression fails the host's indexing of that function; surface it instead of guessing.
            if (!settingsByNormalizedKey.TryGetValue(NormalizeKey(name), out var setting))
            {
                throw new WorkerHarnessException($"binding expression %{name}% has no app setting (the host would fail to index this function)");
            }

            result.Append(setting);
            i = end + 1;
        }

        return result.ToString();
    }
}
