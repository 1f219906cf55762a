using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace NewsWatch.Alerts;

/// <summary>
/// Turns an outbox record into the email people get: a subject that says what happened, a plain-text body and
/// an HTML body with the same facts. The HTML loads nothing remote (no images, fonts or stylesheets; a CSP meta
/// tag says so to clients that honour it) and every piece of article text in it is escaped.
/// </summary>
public sealed class AlertEmailComposer(IOptions<AlertOptions> options)
{
    private const int MaxSubjectLength = 180;
    private const string FallbackDomain = "newswatch.invalid";

    public AlertEmail Compose(AlertRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var settings = options.Value;
        var subject = SafeText.Line(SubjectLine(record), MaxSubjectLength);
        return new AlertEmail(
            record.Id,
            record.AlertKey,
            AlertKeys.MessageId(record, DomainOf(settings.From)),
            settings.From,
            settings.Recipients.Count > 0 ? [.. settings.Recipients] : [AlertOptions.LocalRecipient],
            subject,
            // Mail wants CRLF line ends; a bare LF would be sent as an encoded character instead of a line break.
            TextBody(record, subject).ReplaceLineEndings("\r\n"),
            HtmlBody(record, subject).ReplaceLineEndings("\r\n"),
            record.Priority);
    }

    /// <summary>
    /// What happened: the assessment's headline ("Xiaomi YU7 listed in MIIT vehicle catalogue (approval for sale)"),
    /// or for alerts recorded before headlines "Xiaomi EV: NDRC approval granted (reported)" — "reported" because it
    /// is the news saying so.
    /// </summary>
    public static string SubjectLine(AlertRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Headline is { Length: > 0 } headline
            ? SafeText.Line(headline, MaxSubjectLength)
            : $"{SafeText.Line(record.Subject, 60)}: {SafeText.Line(record.Regulator, 60)} approval {SafeText.Line(record.Status, 20)} (reported)";
    }

    /// <summary>"0.86 (high)": the number for those who compare, a word for those who skim.</summary>
    public static string? ConfidenceText(AlertRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Confidence is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"{c:0.00} ({(c >= HighConfidence ? "high" : c >= MediumConfidence ? "medium" : "low")}; share of the article's evidence that agrees, weighted by how much there is)")
            : null;
    }

    private const double HighConfidence = 0.75;
    private const double MediumConfidence = 0.45;

    /// <summary>The facts under the subject line, in order; absent ones (older alerts) are left out.</summary>
    private static IEnumerable<(string Label, string Value)> Facts(AlertRecord r)
    {
        yield return ("Regulator", r.Regulator);
        yield return ("Approval", r.Kind);
        if (r.Model is { Length: > 0 } model)
        {
            yield return ("Model", model);
        }

        if (r.Batch is { Length: > 0 } batch)
        {
            yield return ("Batch", batch);
        }

        yield return ("Status", r.Status + (r.Priority == AlertPriority.Low ? " (lower-priority notice)" : string.Empty));
        if (ConfidenceText(r) is { } confidence)
        {
            yield return ("Confidence", confidence);
        }

        if (r.Sources.Count > 0 && r.Sources[0].Published is { } published)
        {
            yield return ("Published", Time(published));
        }

        yield return ("First seen", Time(r.FirstSeenAt));
    }

    private static string TextBody(AlertRecord r, string subject)
    {
        var sb = new StringBuilder();
        // The evidence first: the reader judges the claim from the article's own sentence, then the facts.
        sb.AppendLine(subject).AppendLine();
        sb.AppendLine("Evidence:");
        sb.Append("  \"").Append(SafeText.Line(r.Evidence, 1000)).AppendLine("\"").AppendLine();
        foreach (var (label, value) in Facts(r))
        {
            AppendFact(sb, label, value);
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Sources ({r.Sources.Count + r.SourcesOmitted}):");
        var n = 0;
        foreach (var s in r.Sources)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {++n}. {SafeText.Line(s.Title ?? s.Url.Host)}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"     {SourceLine(s)}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"     {(SafeText.IsWebLink(s.Url) ? s.Url.AbsoluteUri : "(link withheld: not a web address)")}");
        }

        if (r.SourcesOmitted > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  … and {r.SourcesOmitted} more (newswatch alerts list).");
        }

        sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Alert key: {SafeText.Line(r.AlertKey)}");
        sb.AppendLine("NewsWatch sends one email per approval event; later reports of it are added to the outbox, not re-sent.");
        return sb.ToString();
    }

    private static string HtmlBody(AlertRecord r, string subject)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>");
        sb.AppendLine("<html><head><meta charset=\"utf-8\">");
        sb.AppendLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        sb.Append("<title>").Append(WebUtility.HtmlEncode(subject)).AppendLine("</title></head>");
        sb.AppendLine("<body style=\"font-family:sans-serif\">");
        sb.Append("<h1 style=\"font-size:18px\">").Append(WebUtility.HtmlEncode(subject)).AppendLine("</h1>");
        sb.AppendLine("<table>");
        foreach (var (label, value) in Facts(r))
        {
            AppendRow(sb, label, value);
        }

        sb.AppendLine("</table>");
        sb.Append("<p><b>Evidence:</b></p><blockquote>").Append(SafeText.Html(r.Evidence, 1000)).AppendLine("</blockquote>");
        sb.Append("<p><b>Sources (").Append((r.Sources.Count + r.SourcesOmitted).ToString(CultureInfo.InvariantCulture)).AppendLine("):</b></p>");
        sb.AppendLine("<ol>");
        foreach (var s in r.Sources)
        {
            var title = SafeText.Html(s.Title ?? s.Url.Host);
            sb.Append("<li>");
            if (SafeText.IsWebLink(s.Url))
            {
                sb.Append("<a href=\"").Append(WebUtility.HtmlEncode(s.Url.AbsoluteUri)).Append("\">").Append(title).Append("</a>");
            }
            else
            {
                sb.Append(title).Append(" (link withheld: not a web address)");
            }

            sb.Append("<br>").Append(WebUtility.HtmlEncode(SourceLine(s))).AppendLine("</li>");
        }

        sb.AppendLine("</ol>");
        if (r.SourcesOmitted > 0)
        {
            sb.Append("<p>… and ").Append(r.SourcesOmitted.ToString(CultureInfo.InvariantCulture)).AppendLine(" more (newswatch alerts list).</p>");
        }

        sb.Append("<p style=\"color:#666;font-size:12px\">Alert key: ").Append(SafeText.Html(r.AlertKey)).AppendLine("<br>");
        sb.AppendLine("NewsWatch sends one email per approval event; later reports of it are added to the outbox, not re-sent.</p>");
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    private static string SourceLine(AlertSource s)
    {
        var outlet = SafeText.Line(s.Outlet is { Length: > 0 } o ? o : s.Url.Host, 100);
        var published = s.Published is { } p ? "published " + Time(p) + ", " : string.Empty;
        return $"{outlet}, {published}seen {Time(s.SeenAt)}";
    }

    private static void AppendFact(StringBuilder sb, string label, string value) =>
        sb.Append(CultureInfo.InvariantCulture, $"{label + ":",-12}").AppendLine(SafeText.Line(value));

    private static void AppendRow(StringBuilder sb, string label, string value) =>
        sb.Append("<tr><td><b>").Append(label).Append("</b></td><td>").Append(SafeText.Html(value)).AppendLine("</td></tr>");

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The Message-ID's right side: the sender's domain, as RFC 5322 suggests, if it is a plain host name.</summary>
    private static string DomainOf(string from)
    {
        var at = from.LastIndexOf('@');
        if (at < 0)
        {
            return FallbackDomain;
        }

        var domain = from[(at + 1)..].TrimEnd('>', ' ');
        return domain.Length > 0 && domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-') ? domain : FallbackDomain;
    }
}
