namespace NewsWatch.Core.Tests.Stories;

/// <summary>Our own short article, a syndicated copy of it, a rewrite and an unrelated story.</summary>
internal static class StoryFixtures
{
    public const string Original = """
        Xiaomi has reportedly received approval from China's top economic planner to produce electric vehicles.
        The planner gave the nod for EV manufacturing to Xiaomi earlier this month, two people familiar with the matter said.
        Xiaomi still needs clearance from the industry ministry, which checks new carmakers against technical and safety rules.
        The company plans to build about 100,000 cars next year at its new Beijing plant.
        Founder Lei Jun has called the car project the last major venture of his career.
        """;

    // Same body under another site's chrome, with a changed dateline and one sentence dropped.
    public const string SyndicatedCopy = """
        Home | Autos | Tech
        By Staff Writer, Aug 24
        Xiaomi has reportedly received approval from China's top economic planner to produce electric vehicles.
        The planner gave the nod for EV manufacturing to Xiaomi earlier this month, two people familiar with the matter said.
        Xiaomi still needs clearance from the industry ministry, which checks new carmakers against technical and safety rules.
        Founder Lei Jun has called the car project the last major venture of his career.
        Subscribe to our newsletter for daily EV news.
        """;

    public const string Rewrite = """
        China's state planning agency has cleared the smartphone maker Xiaomi to start making EVs, according to sources.
        The decision came in early August. A second approval, from the ministry that vets new vehicle makers, is still outstanding.
        Next year the Beijing factory should turn out roughly 100,000 vehicles, and Lei Jun calls cars his final big bet.
        """;

    public const string Unrelated = """
        Tesla lowered prices of its Model Y in China for the second time this year as competition intensified.
        BYD reported record monthly sales, helped by its cheaper Seagull hatchback.
        Analysts expect the price war among Chinese carmakers to continue into next year.
        """;
}
