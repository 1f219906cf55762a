using System.Text.RegularExpressions;

namespace NewsWatch.Extraction.Content;

/// <summary>
/// Recognises, by wording alone, the short lines that survive markup-based cleaning because sites put
/// them inside the article's own paragraphs: "Advertisement", "(Also read | …)", "Sign up for …",
/// "(Image credit: …)", "Sourced from …", "error: Content is protected !!", "TAGS: …". Only short
/// lines are tested — a real paragraph that merely begins with "Sign up" is long — and each pattern is
/// anchored at the start of the line, so one line costs one anchored match attempt.
/// </summary>
internal static partial class BoilerplateText
{
    /// <summary>Lines longer than this are prose, whatever they start with.</summary>
    private const int MaxJunkWords = 30;

    /// <summary>Datelines, bylines and labels are short; a longer line starting "Posted on…" is a sentence.</summary>
    private const int MaxLabelWords = 12;

    /// <summary>Removes junk lines; returns the paragraphs that still have text.</summary>
    public static List<string> Filter(List<string> paragraphs)
    {
        var kept = new List<string>(paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            if (!paragraph.Contains('\n', StringComparison.Ordinal))
            {
                if (!IsJunk(paragraph))
                {
                    kept.Add(paragraph);
                }

                continue;
            }

            var lines = paragraph.Split('\n');
            var survivors = lines.Where(line => !IsJunk(line)).ToArray();
            if (survivors.Length > 0)
            {
                kept.Add(survivors.Length == lines.Length ? paragraph : string.Join('\n', survivors));
            }
        }

        return kept;
    }

    public static bool IsJunk(string line)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return true;
        }

        if (!HasWordCharacter(trimmed))
        {
            // Separators and icon glyphs: "|", "•", "»".
            return true;
        }

        var words = CountWords(trimmed);
        if (words > MaxJunkWords)
        {
            return false;
        }

        return JunkLine().IsMatch(trimmed)
            || SocialCallToAction().IsMatch(trimmed)
            || (words <= MaxLabelWords && (LabelLine().IsMatch(trimmed) || Byline().IsMatch(trimmed)));
    }

    /// <summary>Any word character by the metric's definition (so "___" separators, which are words there, stay).</summary>
    private static bool HasWordCharacter(ReadOnlySpan<char> text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (TextStatistics.IsWordRune(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            words += !isSpace && !inWord ? 1 : 0;
            inWord = !isSpace;
        }

        return words;
    }

    [GeneratedRegex(
        """
        ^[\(\[]?\s*(?:
          advertisements?|advertising|adverts?|sponsored(?:\s+content)?|ads?|publicit[ée]|pubblicit[àa]|publicidad|anuncio
          |anzeige|werbung|advertentie|annonce|reklama|реклама|iklan|广告|廣告|광고
          |(?:the\s+)?(?:story|article)\s+continues\s+below.*|continue\s+reading.*|scroll\s+(?:down\s+)?to\s+continue.*
          |read\s+more\b.*|(?:also|must)\s+read\b.*|see\s+also\b.*|more\s*:.*
          |(?:leggi|lesen\s+sie|lies|lire|à\s+lire|lee|lea|leia|veja|vedi|guarda)\s+(?:anche|auch|aussi|también|também|ainda)\b.*
          |читайте\s+также.*|смотрите\s+также.*|相关阅读.*|相關閱讀.*|延伸阅读.*|延伸閱讀.*|推荐阅读.*|推薦閱讀.*|関連記事.*|관련\s*기사.*
          |related(?:\s+(?:articles?|stories|story|posts?|content|coverage|news|links|reading|topics|videos?|items))?(?:\s+(?:from|on|to)\s+[^.:]{1,60})?\s*(?:[:|].*)?|more\s+(?:from|on|stories|news)\b.*
          |recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also\s+like.*|trending(?:\s+now)?|most\s+(?:popular|read|viewed)\b.*
          |top\s+stories|don'?t\s+miss\b.*|skip\s+to\s+(?:main\s+)?(?:content|navigation|search)|jump\s+to\b.*|watch\s*:.*|listen\s*:.*|click\s+here\b.*
          |share(?:\s+(?:this|on|via)\b.*)?|tweet(?:\s+this)?|email|print|comments?|\d+\s+comments?|leave\s+a\s+(?:comment|reply)\b.*
          |post\s+a\s+comment|show\s+comments|follow\s+us\b.*|join\s+(?:us|our)\b.*\b(?:on|at)\b.*
          |subscribe\b.*|sign\s+up\s+(?:for|to|now|here|today)\b.*|by\s+(?:clicking|signing\s+up|subscribing|registering)\b.*|get\s+(?:the|our)\s+.*newsletter.*|newsletter
          |(?:image|photo|picture|video|graphic)\s+(?:credit|courtesy|source)s?\s*[:\-|].*|credits?\s*:.*|photo\s*:.*|photograph\s*:.*
          |file\s+(?:photo|image|picture)\b.*|representational\s+(?:image|photo|picture)\b.*
          |error\s*:\s*content\s+is\s+protected.*
          |.{0,240}\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\.?
          |(?:this\s+)?(?:slideshow|video|content|page|feature|gallery|player|embed)\s+requires\s+javascript.*|(?:please\s+)?enable\s+javascript\b.*
          |tell\s+us\s+what\s+you\s+think.*|what\s+do\s+you\s+think\s*\?|have\s+your\s+say.*
          |\[\w+(?:\s[^\]]*)?\].*\[/\w+\]
        )\s*[\)\]]?\s*$
        """,
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex JunkLine();

    /// <summary>
    /// "Follow us on Twitter", "Follow Newsbeat on Instagram, Facebook…", "like us on Facebook": a
    /// short line asking the reader to follow an account is a sign-off, wherever the phrase stands.
    /// </summary>
    [GeneratedRegex(
        @"\b(?:follow|like|join)\s+(?:us|him|her|them|me|[\p{Lu}][\w&'’.-]*(?:\s+[\p{Lu}][\w&'’.-]*){0,2})\s+on\s+(?:twitter|facebook|instagram|linkedin|youtube|tiktok|threads|x\b|telegram|whatsapp)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SocialCallToAction();

    /// <summary>Datelines, bylines, sources and tag lists: only ever short.</summary>
    [GeneratedRegex(
        """
        ^[\(\[]?\s*(?:
          sourced?\s+(?:from|:)\s*.*|tags?\s*:.*|topics?\s*:.*|filed\s+(?:under|in)\s*:?.*|categories\s*:.*
          |(?:first\s+)?published\s+(?:date\s*)?(?:on\s*)?:.*|(?:last\s+)?updated\s*(?:on|at)?\s*:.*
          |(?:updated|published|posted)\s+(?:on|at|in)?\s*.{0,40}\d.*
          |by\s*:.*|written\s+by\s*:?.*|reporting\s+by\b.*|edited\s+by\b.*|compiled\s+by\b.*
          |see\s+more\s*:.*|.{0,80}\bphotos?\s*(?:©|\(c\)).*|via\s+[\w.-]+
        )\s*[\)\]]?\s*$
        """,
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex LabelLine();

    /// <summary>"By Jane Doe", "By Jane Doe and John Roe | Reuters": a name list after "By", nothing else.</summary>
    [GeneratedRegex(
        """^[Bb][Yy]\s+\p{Lu}[\p{L}.'’-]*,?(?:\s+(?:\p{Lu}[\p{L}.'’-]*,?|and|&|de|van|von|da|der|del))*\s*(?:[|/–—-].{0,60})?$""",
        RegexOptions.CultureInvariant)]
    private static partial Regex Byline();
}
