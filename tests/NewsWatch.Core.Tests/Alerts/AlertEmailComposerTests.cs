using NewsWatch.Alerts;

namespace NewsWatch.Core.Tests.Alerts;

public sealed class AlertEmailComposerTests
{
    private static readonly DateTimeOffset Now = new(2023, 8, 23, 9, 0, 0, TimeSpan.Zero);

    private static AlertEmail Compose(params ApprovalNotice[] notices)
    {
        var h = new AlertHarness();
        var record = AlertStateMachine.Create(notices[0], Now);
        foreach (var n in notices.Skip(1))
        {
            record = AlertStateMachine.AddSource(record, n, 100) ?? record;
        }

        return h.Composer.Compose(record);
    }

    [Fact]
    public void The_subject_says_what_happened()
    {
        var email = Compose(AlertHarness.Notice());

        Assert.Equal("Xiaomi EV: NDRC approval granted (reported)", email.Subject);
        Assert.Equal(["team@example.com"], email.To);
        Assert.Equal("NewsWatch <alerts@example.com>", email.From);
        Assert.EndsWith("@example.com>", email.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_bodies_carry_regulator_status_evidence_first_seen_and_every_source_with_outlet_and_time()
    {
        var email = Compose(AlertHarness.Notice(1), AlertHarness.Notice(2));

        foreach (var body in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.Contains("NDRC", body, StringComparison.Ordinal);
            Assert.Contains("granted", body, StringComparison.Ordinal);
            Assert.Contains("production-approval", body, StringComparison.Ordinal);
            Assert.Contains("National Development and Reform Commission to produce electric vehicles", body, StringComparison.Ordinal);
            Assert.Contains("2023-08-23 09:01 UTC", body, StringComparison.Ordinal); // first seen
            Assert.Contains("https://outlet1.example/xiaomi-ndrc-1", body, StringComparison.Ordinal);
            Assert.Contains("https://outlet2.example/xiaomi-ndrc-2", body, StringComparison.Ordinal);
            Assert.Contains("Outlet 2, published 2023-08-23 08:32 UTC, seen 2023-08-23 09:02 UTC", body, StringComparison.Ordinal);
        }

        Assert.Contains("<a href=\"https://outlet2.example/xiaomi-ndrc-2\">Xiaomi gets NDRC approval (2)</a>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_markup_and_script_are_escaped_and_nothing_remote_is_loaded()
    {
        var evil = AlertHarness.Notice() with
        {
            ArticleTitle = "<script>alert(1)</script><img src=\"https://evil.example/pixel.gif\">",
            Outlet = "\"><iframe src=//evil.example>",
            Evidence = "Granted <b onmouseover=alert(1)>now</b> & <style>@import url(https://evil.example/x.css)</style>",
            ArticleUrl = new Uri("https://outlet.example/a?x=\"><script>alert(2)</script>"),
        };

        var html = Compose(evil).HtmlBody;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]*\\s(src|onerror|onmouseover)=", html);
        Assert.DoesNotContain("href=\"https://evil", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("default-src &#39;none&#39;".Replace("&#39;", "'", StringComparison.Ordinal), html, StringComparison.Ordinal);

        // The only tags are the template's own.
        var tags = System.Text.RegularExpressions.Regex.Matches(html, "<([a-zA-Z!/][a-zA-Z0-9]*)").Select(m => m.Groups[1].Value.TrimStart('/').ToLowerInvariant()).ToHashSet();
        Assert.Subset(new HashSet<string> { "!doctype", "html", "head", "meta", "title", "body", "h1", "table", "tr", "td", "b", "p", "blockquote", "ol", "li", "a", "br" }, tags);
    }

    [Fact]
    public void Non_web_links_are_not_made_clickable()
    {
        var html = Compose(AlertHarness.Notice() with { ArticleUrl = new Uri("javascript:alert(1)") }).HtmlBody;

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("link withheld", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_injection_in_subject_or_regulator_stays_on_one_line()
    {
        var email = Compose(AlertHarness.Notice() with
        {
            Subject = "Xiaomi EV\r\nBcc: victim@evil.example",
            Regulator = "NDRC\n\nInjected body\u2028line\u0085x\u202Egnp.exe",
        });

        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.DoesNotContain('\u2028', email.Subject);
        Assert.DoesNotContain('\u202E', email.Subject);
        Assert.Equal("Xiaomi EV Bcc: victim@evil.example: NDRC Injected body line xgnp.exe approval granted (reported)", email.Subject);
    }

    [Fact]
    public void Alert_key_header_token_is_printable_ascii_whatever_the_event_key_holds()
    {
        var token = SafeText.HeaderToken("xiaomi-ev|发改委|approval\r\nBcc: x@y|granted");

        Assert.Matches("^[A-Za-z0-9%|:._-]+$", token);
        Assert.StartsWith("xiaomi-ev|%E5%8F%91", token, StringComparison.Ordinal);
        Assert.Contains("%0D%0ABcc:%20x%40y", token, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis_without_splitting_a_surrogate_pair()
    {
        var line = SafeText.Line(new string('a', 9) + "😀😀", maxLength: 11);

        Assert.Equal("aaaaaaaaa…", line);
    }
}

public class AlertHeadlineTests
{
    [Fact]
    public void The_subject_is_the_headline_and_the_body_names_model_batch_and_confidence()
    {
        var h = new AlertHarness();
        var record = AlertStateMachine.Create(
            AlertHarness.Notice(1, eventKey: "v2|xiaomi-ev|miit|catalogue-listing|yu7") with
            {
                Headline = "Xiaomi YU7 listed in MIIT vehicle catalogue (approval for sale)",
                Model = "YU7",
                Batch = "385",
                Confidence = 0.86,
            },
            h.Time.GetUtcNow());

        var email = h.Composer.Compose(record);

        Assert.Equal("Xiaomi YU7 listed in MIIT vehicle catalogue (approval for sale)", email.Subject);
        Assert.Contains("Model:      YU7", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Batch:      385", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Confidence: 0.86 (high", email.TextBody, StringComparison.Ordinal);
        Assert.True(email.TextBody.IndexOf("Evidence:", StringComparison.Ordinal) < email.TextBody.IndexOf("Regulator:", StringComparison.Ordinal));
    }
}
