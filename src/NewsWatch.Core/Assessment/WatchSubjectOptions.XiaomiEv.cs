namespace NewsWatch.Assessment;

public sealed partial class WatchSubjectOptions
{
    /// <summary>Manifest name of <c>config/watch-subjects/xiaomi-ev.json</c>, embedded in this assembly.</summary>
    internal const string XiaomiEvResource = "NewsWatch.WatchSubjects.xiaomi-ev.json";

    /// <summary>
    /// The default subject: Xiaomi's electric-vehicle business, read from the embedded
    /// <c>config/watch-subjects/xiaomi-ev.json</c> so the default needs no files at run time. Returns a new
    /// instance on every call (callers may change theirs).
    /// </summary>
    public static WatchSubjectOptions XiaomiEv()
    {
        using var stream = typeof(WatchSubjectOptions).Assembly.GetManifestResourceStream(XiaomiEvResource)
            ?? throw new InvalidOperationException($"embedded watch subject {XiaomiEvResource} is missing from the build");
        using var reader = new StreamReader(stream);
        return AssessmentJson.ReadWatchSubject(reader.ReadToEnd());
    }
}
