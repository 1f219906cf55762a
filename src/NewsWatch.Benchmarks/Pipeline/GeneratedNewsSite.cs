using System.Globalization;
using System.Net;
using System.Text;

namespace NewsWatch.Benchmarks.Pipeline;

/// <summary>One generated report: where it is served, which outlet's feed lists it, and the event it reports.</summary>
public sealed record GeneratedArticle(string Path, int Outlet, int Event, string Title, string Html, DateTimeOffset Published);

/// <summary>
/// A news site made up for the pipeline benchmark: events about the watched company's cars, each reported by one to
/// six outlets in English, Chinese or German within two days, every event with its own exact figure (as real recall
/// or order counts are), one RSS feed per outlet. Deterministic for a given seed, so runs compare.
/// </summary>
public sealed class GeneratedNewsSite
{
    private static readonly string[] Models = ["SU7", "YU7", "SU7 Ultra"];

    private readonly List<GeneratedArticle> _articles = [];

    public GeneratedNewsSite(int minimumArticles, int outlets, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumArticles, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outlets, 6);
        Outlets = outlets;
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);
        for (var e = 0; _articles.Count < minimumArticles; e++)
        {
            var reports = random.Next(1, 7);
            var day = start.AddHours(e * 9);
            var figure = 10_007 + ((e * 7_919) % 890_000);
            var model = Models[e % Models.Length];
            var kind = e % 4;
            var firstOutlet = random.Next(outlets);
            // Each event has its own wording: different events share only the headline pattern, as real ones do.
            var english = Filler(random, FillerWords, ' ');
            var chinese = Filler(random, FillerHan, '\0');
            for (var r = 0; r < reports; r++)
            {
                var outlet = (firstOutlet + r) % outlets;
                var published = day.AddMinutes(random.Next(0, 48 * 60));
                var (title, body, lang) = Write(r % 3, kind, model, figure, outlet);
                body += " " + (lang == "zh" ? chinese : english);
                var path = string.Create(CultureInfo.InvariantCulture, $"o{outlet}/{e}-{r}.html");
                _articles.Add(new GeneratedArticle(path, outlet, e, title, Page(title, body, lang, published, outlet), published));
            }

            Events = e + 1;
        }
    }

    public IReadOnlyList<GeneratedArticle> Articles => _articles;

    public int Outlets { get; }

    public int Events { get; private set; }

    public static string FeedPath(int outlet) => string.Create(CultureInfo.InvariantCulture, $"o{outlet}/feed.xml");

    public string Feed(int outlet, Uri baseUrl)
    {
        var s = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Outlet ")
            .Append(outlet).Append("</title>");
        foreach (var a in _articles.Where(a => a.Outlet == outlet))
        {
            s.Append("<item><title>").Append(WebUtility.HtmlEncode(a.Title)).Append("</title><link>")
                .Append(new Uri(baseUrl, a.Path).AbsoluteUri).Append("</link><guid>").Append(a.Path).Append("</guid><pubDate>")
                .Append(a.Published.ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>");
        }

        return s.Append("</channel></rss>").ToString();
    }

    private static (string Title, string Body, string Lang) Write(int language, int kind, string model, int figure, int outlet)
    {
        var n = figure.ToString("N0", CultureInfo.InvariantCulture);
        return language switch
        {
            0 => (
                $"Xiaomi {model}: {n} {EnglishKind(kind)}",
                $"Xiaomi said {n} {model} cars were affected, in what outlet {outlet} calls the week's main car news. " +
                $"The figure of {n} covers vehicles built since the {model} went on sale. " +
                "Analysts expect the company's car unit to keep growing as the Beijing plant adds shifts, and the company did not comment further. " +
                "Xiaomi's electric vehicle business has become a second pillar next to its phones.",
                "en"),
            1 => (
                $"小米{model}{ChineseKind(kind)}{figure}辆",
                $"小米汽车表示,共有{figure}辆{model}涉及此事。该数字涵盖{model}上市以来生产的车辆。" +
                "分析人士认为,随着北京工厂增加班次,小米汽车业务将继续增长。公司未作进一步评论。",
                "zh"),
            _ => (
                $"Xiaomi {model}: {n.Replace(',', '.')} {GermanKind(kind)}",
                $"Bei Xiaomi sind {n.Replace(',', '.')} Fahrzeuge vom Typ {model} betroffen, teilte das Unternehmen mit. " +
                $"Die Zahl umfasst alle {model} seit Verkaufsstart. Die Autosparte des Konzerns wächst weiter, das Werk in Peking fährt Sonderschichten.",
                "de"),
        };
    }

    private const int FillerLength = 90;

    /// <summary>Made-up words: a vocabulary large enough that two events' texts share almost no three-word run.</summary>
    private static readonly string[] FillerWords =
        [.. from a in new[] { "bra", "ken", "lo", "mi", "sta", "vor", "qui", "del", "ru", "pan", "tes", "gor", "fi", "nal", "do", "ser" }
            from b in new[] { "mon", "tal", "ric", "sen", "vel", "dor", "bis", "lun", "ter", "gas" }
            select a + b];

    private static readonly string[] FillerHan =
        [.. "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严".Select(c => c.ToString())];

    private static string Filler(Random random, string[] vocabulary, char separator)
    {
        var words = new string[FillerLength];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = vocabulary[random.Next(vocabulary.Length)];
        }

        return separator == '\0' ? string.Concat(words) + "。" : string.Join(separator, words) + ".";
    }

    private static string EnglishKind(int kind) => kind switch { 0 => "cars recalled", 1 => "cars delivered", 2 => "orders placed", _ => "cars upgraded over the air" };

    private static string ChineseKind(int kind) => kind switch { 0 => "召回", 1 => "交付", 2 => "订单", _ => "远程升级" };

    private static string GermanKind(int kind) => kind switch { 0 => "Autos zurückgerufen", 1 => "Autos ausgeliefert", 2 => "Bestellungen", _ => "Software-Updates" };

    private static string Page(string title, string body, string lang, DateTimeOffset published, int outlet)
    {
        var t = WebUtility.HtmlEncode(title);
        return $"""
            <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{t}</title>
            <meta property="og:site_name" content="Outlet {outlet}">
            <meta property="article:published_time" content="{published.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)}">
            </head><body><header><nav><a href="/">Home</a> <a href="/cars">Cars</a></nav></header>
            <main><article><h1>{t}</h1><p>{WebUtility.HtmlEncode(body)}</p></article></main>
            <footer>© Outlet {outlet}</footer></body></html>
            """;
    }
}
