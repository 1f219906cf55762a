namespace NewsWatch.Core.Tests.Extraction.Fixtures;

/// <summary>
/// Pages built around short excerpts of the five seed articles in ../shared/seeds: the markup and
/// site chrome are ours (typical of the CMSs those sites run), the junk lines are the ones the
/// seeds show glued into real articles. Each page lists the paragraphs that must survive extraction
/// and the junk that must not.
/// </summary>
internal static class SeedPages
{
    public sealed record SeedPage(string Name, string Html, string[] Body, string[] Junk);

    public static IEnumerable<SeedPage> All => [TechNode, TechNodeEarlier, Insights, AutoPortal, GadgetBlog];

    /// <summary>Seed 000: a news site with a summary standfirst, a dek, and a related-story link after the body.</summary>
    public static SeedPage TechNode { get; } = new(
        "seed-000",
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Xiaomi receives NDRC approval to make EVs | TechNode</title>
        <meta property="og:title" content="Xiaomi receives NDRC approval to make EVs">
        <meta property="og:site_name" content="TechNode">
        <meta property="article:published_time" content="2023-08-10T08:30:00+08:00">
        </head><body class="single single-post">
        <header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/ev">EV</a></li><li><a href="/markets">Markets</a></li></ul></nav></header>
        <main id="main">
          <article class="post type-post">
            <h1 class="entry-title">Xiaomi receives NDRC approval to make EVs</h1>
            <div class="entry-meta"><span class="byline">By <a href="/author/newsdesk">News Desk</a></span> <time datetime="2023-08-10">Aug 10, 2023</time></div>
            <div class="entry-summary"><p class="summary">has become the fourth company to receive NDRC approval since the end of 2017, bringing it one step closer to mass production of EVs, according to Reuters.</p></div>
            <div class="entry-content">
              <p>Xiaomi has reportedly received approval from China's top economic planner to produce electric vehicles (EVs), marking a key development in its car-making efforts.</p>
              <p>Beijing-based Xiaomi becomes the only fourth company to receive NDRC approval since late 2017, the report noted. Over the past few years, China has tightened its regulations on qualifying for vehicle production.</p>
              <div class="ad-slot"><span>Advertisement</span></div>
              <p>Xiaomi plans to produce about 100,000 EVs next year, the Reuters report today said, citing a source.</p>
              <p>($1 = RMB 7.2907)</p>
              <div class="related-posts"><h3>Related</h3><ul><li><a href="/2023/08/09/xiaomi-calb-catl">Xiaomi's EV unit reportedly chooses CALB and CATL as battery suppliers</a></li></ul></div>
            </div>
            <div class="share-bar"><a href="#">Share on Twitter</a> <a href="#">Share on LinkedIn</a></div>
          </article>
        </main>
        <footer class="site-footer"><p>© 2023 TechNode. All rights reserved.</p></footer>
        </body></html>
        """,
        Body:
        [
            "Xiaomi has reportedly received approval from China's top economic planner to produce electric vehicles (EVs), marking a key development in its car-making efforts.",
            "Beijing-based Xiaomi becomes the only fourth company to receive NDRC approval since late 2017, the report noted.",
            "Xiaomi plans to produce about 100,000 EVs next year, the Reuters report today said, citing a source.",
        ],
        Junk:
        [
            "Xiaomi's EV unit reportedly chooses CALB and CATL as battery suppliers",
            "Advertisement",
            "Share on Twitter",
            "By News Desk",
            "All rights reserved",
        ]);

    /// <summary>Seed 001: an image credit line inside the body and a "related" teaser at the end.</summary>
    public static SeedPage TechNodeEarlier { get; } = new(
        "seed-001",
        """
        <html><head><meta charset="utf-8"><title>Xiaomi close to getting NEV production qualification</title></head>
        <body>
        <div id="page"><div class="top-bar"><a href="/login">Log in</a> | <a href="/subscribe">Subscribe</a></div>
        <div class="container"><div class="row">
          <div class="col-md-8 story">
            <h1>Xiaomi close to getting NEV production qualification</h1>
            <p class="dek">The EV production qualification is about to receive comes from Borgward, according to local media.</p>
            <figure class="wp-block-image"><img src="/xiaomi.jpg" alt=""><figcaption>(Image credit: Xiaomi)</figcaption></figure>
            <div class="story-body">
              <p><em>(Image credit: Xiaomi)</em></p>
              <p>Chinese smartphone giant Xiaomi's auto business unit is reportedly close to getting the green light to produce electric vehicles (EVs), signaling a major step forward in gaining support from regulatory authorities.</p>
              <p>However, the matter could still be subject to change before the qualification is finally granted, the people said.</p>
              <p>The NEV production qualification Xiaomi will receive will come from Borgward, Jiemian said, citing industry sources.</p>
              <p>According to the 2024 mass production schedule, Xiaomi will build its own factory in time to produce electric vehicles, the sources said.</p>
            </div>
            <div class="read-next"><a href="/2022/xiaomi-two-models"><h4>Xiaomi working on two models, 1st model to take on Tesla Model 3, report says</h4></a></div>
          </div>
          <aside class="col-md-4 sidebar"><h3>Most popular</h3><ol><li><a href="/a">NIO delivers record number of cars</a></li><li><a href="/b">BYD overtakes Tesla</a></li></ol></aside>
        </div></div></div>
        </body></html>
        """,
        Body:
        [
            "Chinese smartphone giant Xiaomi's auto business unit is reportedly close to getting the green light to produce electric vehicles (EVs)",
            "However, the matter could still be subject to change before the qualification is finally granted, the people said.",
            "The NEV production qualification Xiaomi will receive will come from Borgward, Jiemian said, citing industry sources.",
            "According to the 2024 mass production schedule, Xiaomi will build its own factory in time to produce electric vehicles, the sources said.",
        ],
        Junk:
        [
            "(Image credit: Xiaomi)",
            "Xiaomi working on two models, 1st model to take on Tesla Model 3, report says",
            "NIO delivers record number of cars",
            "Log in",
        ]);

    /// <summary>Seed 002: a premium upsell, a newsletter box with its consent text, teasers and an anti-copy banner.</summary>
    public static SeedPage Insights { get; } = new(
        "seed-002",
        """
        <!doctype html>
        <html lang="en-US"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
        <title>China gives green light for Xiaomi’s EV venture - Insights</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Insights"},{"@type":"NewsArticle","headline":"China gives green light for Xiaomi’s EV venture","datePublished":"2023-08-11T09:00:00Z","author":[{"@type":"Person","name":"Staff Writer"}]}]}</script>
        </head><body class="post-template-default single">
        <div class="site"><header id="masthead"><div class="site-branding"><a href="/">Insights</a></div><ul class="menu"><li><a href="/energy">Energy</a></li><li><a href="/tech">Tech</a></li></ul></header>
        <div id="content" class="site-content"><div id="primary" class="content-area"><main class="site-main">
        <article class="post hentry">
          <header class="entry-header"><h1 class="entry-title">China gives green light for Xiaomi’s EV venture</h1></header>
          <div class="entry-content">
            <p>Xiaomi, a prominent Chinese smartphone manufacturer, has received a crucial approval from China’s National Development and Reform Commission (NDRC) to venture into the manufacturing of electric vehicles (EVs).</p>
            <p>However, entering China’s highly competitive car manufacturing sector is not without its challenges.</p>
            <p>Xiaomi has also formulated innovative plans to leverage its existing network of stores to promote its electric cars.</p>
            <div class="premium-cta">
              <h3>Elevate your business with QU4TRO PRO!</h3>
              <p>Gain access to comprehensive analysis, in-depth reports and market trends.</p>
              <a class="button" href="/pro">Interested in learning more?</a>
            </div>
          </div>
        </article>
        <section class="newsletter-signup">
          <h3>Sign up for Top Insights Today</h3>
          <p>Top Insights Today delivers the latest insights straight to your inbox.</p>
          <form><input type="email" placeholder="Email"><button>Subscribe</button></form>
          <p class="consent">By clicking subscribe you agree to our privacy and cookie policy and terms and conditions of use.</p>
        </section>
        <section class="more-insights"><h2>Read more insights</h2>
          <article class="teaser"><h3><a href="/japan-tariffs">Japan secures tariff relief in exchange for $550 billion U.S. supply chain bet</a></h3>
            <p>U.S. President Donald Trump’s latest trade agreement with Japan marks a significant geopolitical and economic milestone.</p></article>
          <article class="teaser"><h3><a href="/chips">Trump targets chips next, raising stakes in U.S.-Asia tech showdown</a></h3>
            <p>Donald Trump’s tariff escalation is poised to strike at the heart of the global semiconductor industry.</p></article>
        </section>
        </main></div></div>
        <footer id="colophon"><h4>Stay informed</h4></footer>
        <div id="cp-protect-msg" class="copy-protection" style="display:none">error: Content is protected !!</div>
        </div></body></html>
        """,
        Body:
        [
            "Xiaomi, a prominent Chinese smartphone manufacturer, has received a crucial approval from China’s National Development and Reform Commission (NDRC)",
            "However, entering China’s highly competitive car manufacturing sector is not without its challenges.",
            "Xiaomi has also formulated innovative plans to leverage its existing network of stores to promote its electric cars.",
        ],
        Junk:
        [
            "Elevate your business with",
            "Gain access to comprehensive analysis",
            "Interested in learning more?",
            "Sign up for Top Insights Today",
            "delivers the latest insights straight to your inbox",
            "By clicking subscribe",
            "Read more insights",
            "Japan secures tariff relief",
            "Trump targets chips next",
            "Stay informed",
            "error: Content is protected",
        ]);

    /// <summary>Seed 003: a byline block, a caption, "(Also read | …)" inside the body, a publish line and tags.</summary>
    public static SeedPage AutoPortal { get; } = new(
        "seed-003",
        """
        <html><head><meta charset="utf-8"><title>Xiaomi bets on Beijing Automotive to push its EV dreams</title>
        <meta name="description" content="A recent report stated that Xiaomi is facing difficulties to get regulatory approval for its electric vehicle project.">
        </head><body>
        <div class="breadcrumb"><a href="/">Auto</a> &raquo; <a href="/news">News</a></div>
        <div class="storyPage"><div class="storyTop">
          <h1>Xiaomi bets on Beijing Automotive to push its EV dreams</h1>
          <h2 class="sortDec">A recent report stated that Xiaomi is facing difficulties to get regulatory approval for its electric vehicle project.</h2>
          <div class="dateTime"><div class="byLine">By : HT Auto Desk</div><div class="updated">| Updated on: 27 Aug 2022, 10:43 AM</div></div>
        </div>
        <div class="storyImage"><img src="/x.jpg" alt=""><p class="imgCaption">Xiaomi is all set to unveil its first-ever electric vehicle prototype in August, 2022. (File photo used for representational purpose )</p></div>
        <div class="storyDetails">
          <p>Xiaomi is in talks with Beijing Automotive Group Co to establish a partnership to manufacture electric vehicles. Xiaomi which is a technology company is aiming to produce its own electric vehicles by 2024.</p>
          <p>Sources familiar with the matter shared the discussions are at a preliminary level, there’s no guarantee that the negotiation would lead to an agreement.</p>
          <p>(Also read | <a href="/news/xiaomi-profit">Xiaomi beats profit estimates, bold sign for electric vehicle project dream</a> )</p>
          <p>Last year, it was also announced that Xiaomi will open a car manufacturing unit in Beijing with an annual output of 3,00,000 vehicles.</p>
          <p>(Also read | <a href="/news/xiaomi-barrier">Xiaomi plans of $10 billion car project may hit regulatory barrier</a> )</p>
          <p>The company also launched an internally developed autonomous driving technology called Pilot Technology.</p>
          <p>&nbsp;</p><p>&nbsp;</p>
          <div class="firstPublish">First Published Date: 27 Aug 2022, 10:43 AM IST</div>
          <div class="tagsBox"><span>TAGS:</span> <a href="/t/xiaomi">Xiaomi</a> <a href="/t/ev">EV</a> <a href="/t/evs">EVs</a> <a href="/t/electric-vehicles">Electric vehicles</a></div>
        </div></div>
        </body></html>
        """,
        Body:
        [
            "Xiaomi is in talks with Beijing Automotive Group Co to establish a partnership to manufacture electric vehicles.",
            "Sources familiar with the matter shared the discussions are at a preliminary level, there’s no guarantee that the negotiation would lead to an agreement.",
            "Last year, it was also announced that Xiaomi will open a car manufacturing unit in Beijing with an annual output of 3,00,000 vehicles.",
            "The company also launched an internally developed autonomous driving technology called Pilot Technology.",
        ],
        Junk:
        [
            "By : HT Auto Desk",
            "Updated on: 27 Aug 2022",
            "File photo used for representational purpose",
            "Also read",
            "Xiaomi beats profit estimates",
            "First Published Date",
            "TAGS:",
        ]);

    /// <summary>Seed 004: a gallery caption, a source line, and a "Read More" teaser list with a compare widget.</summary>
    public static SeedPage GadgetBlog { get; } = new(
        "seed-004",
        """
        <html><head><meta charset="windows-1252"><title>Xiaomi close to getting regulatory green light to produce electric vehicles</title></head>
        <body><div id="wrapper">
        <div id="header"><div class="logo"><a href="/">GadgetBlog</a></div><div id="nav"><a href="/phones">Phones</a> <a href="/cars">Cars</a></div></div>
        <div id="main"><div class="post-single">
          <h1 class="post-title">Xiaomi close to getting regulatory green light to produce electric vehicles</h1>
          <div class="post-excerpt">Xiaomi took control of the defunct German company Borgward which went bankrupt in November last year</div>
          <div class="gallery"><img src="/ms11.jpg"><span class="gallery-caption">Xiaomi Auto&#8217;s MS11 leaked low-res pictures</span></div>
          <div class="post-text">
            <p>When it came to its electric car initiative, Xiaomi faced some significant challenges. It had previously been publicly publicized that the business was having difficulties securing the production license.</p>
            <p>For instance, Nio contracts with JAC, which holds the production license, rather than producing its own automobiles.</p>
            <p>Xiaomi intends to construct its facility in two stages, the first of which will be finished in 2024 and have a 150,000-unit production capacity.</p>
            <p><strong>Sourced from Cnevpost.</strong></p>
          </div>
          <div class="more-stories">
            <div class="story-card"><a href="/oppo"><b>Usher in the all-new OPPO Reno12 Series 5G with Nadine Lustre and David Licauco this weekend</b></a><p>Enter your AI era and be ready for a smartphone experience like no other with the OPPO Reno12 Series...</p><a href="/oppo">Read More</a></div>
            <div class="story-card"><a href="/spotify"><b>Spotify tests two-factor authentication for some users</b></a><p>Two-factor authentication (2FA) adds an extra layer of security by requiring a one-time code alongside...</p><a href="/spotify">Read More</a></div>
          </div>
          <div class="compare-bar"><span>Your compare list</span></div>
        </div></div>
        </div></body></html>
        """,
        Body:
        [
            "When it came to its electric car initiative, Xiaomi faced some significant challenges.",
            "For instance, Nio contracts with JAC, which holds the production license, rather than producing its own automobiles.",
            "Xiaomi intends to construct its facility in two stages, the first of which will be finished in 2024 and have a 150,000-unit production capacity.",
        ],
        Junk:
        [
            "Sourced from Cnevpost",
            "Read More",
            "OPPO Reno12",
            "Spotify tests two-factor authentication",
            "Two-factor authentication (2FA) adds an extra layer",
            "Your compare list",
            "MS11 leaked low-res pictures",
        ]);
}
