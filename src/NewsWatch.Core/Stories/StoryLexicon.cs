using NewsWatch.Assessment;
using NewsWatch.Assessment.Matching;

namespace NewsWatch.Stories;

/// <summary>
/// The named things stories are told apart by, each with its spellings in every script, compiled into one matcher:
/// the subject company itself (present in nearly every article, so worth little), its products and people, the
/// regulators, the other parties, and the story section's own names. Folding is the assessment's, so 小米 and 小米
/// in traditional script, ＮＤＲＣ and NDRC meet.
/// </summary>
public sealed class StoryLexicon
{
    /// <summary>Entity id of the watch subject's company.</summary>
    public const string SubjectEntity = "subject";

    public const string ProductPrefix = "product:";

    public const string PartyPrefix = "party:";

    public const string RegulatorPrefix = "regulator:";

    /// <summary>Prefix of the story section's own names: agencies and kinds of news.</summary>
    public const string KindPrefix = "named:";

    private readonly TermMatcher _matcher;
    private readonly string[] _names;
    private readonly double[] _weights;

    public StoryLexicon(WatchSubjectOptions subject, StoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new TermMatcher.Builder();
        var names = new List<string>();
        var weights = new List<double>();

        void Add(string name, double weight, IEnumerable<string> aliases)
        {
            var id = names.IndexOf(name);
            if (id < 0)
            {
                id = names.Count;
                names.Add(name);
                weights.Add(weight);
            }

            foreach (var alias in aliases)
            {
                builder.Add(alias, id);
            }
        }

        Add(SubjectEntity, 0, subject.CompanyAliases.Concat(subject.BusinessAliases));
        foreach (var product in subject.ProductAliases)
        {
            // Each model is its own entity: an SU7 recall and a YU7 filing are different news.
            Add(ProductPrefix + product.ToUpperInvariant(), 1, [product]);
        }

        Add("people", 0.5, subject.PeopleAliases);
        foreach (var regulator in subject.Regulators)
        {
            Add(RegulatorPrefix + regulator.Code, 1, regulator.Aliases.Append(regulator.Code));
        }

        foreach (var party in subject.OtherParties)
        {
            Add(PartyPrefix + party.Name, 1.5, party.Aliases.Append(party.Name));
        }

        foreach (var entity in options.Entities.Count > 0 ? options.Entities : StoryEntityOptions.Defaults())
        {
            Add(KindPrefix + entity.Name, entity.Weight, entity.Aliases);
        }

        _matcher = builder.Build();
        _names = [.. names];
        _weights = [.. weights];
    }

    /// <summary>Weight of sharing the entity; 0 for the subject itself and for names this lexicon does not know.</summary>
    public double Weight(string entity)
    {
        var i = Array.IndexOf(_names, entity);
        return i < 0 ? 0 : _weights[i];
    }

    /// <summary>Distinct entity ids named in the text, most mentioned first (ties: first mentioned first).</summary>
    public IReadOnlyList<string> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = new List<TermMatch>();
        _matcher.FindAll(text, matches);
        var found = new List<(string Name, int Count)>();
        foreach (var m in matches)
        {
            var name = _names[m.TermId];
            var i = found.FindIndex(f => f.Name == name);
            if (i < 0)
            {
                found.Add((name, 1));
            }
            else
            {
                found[i] = (name, found[i].Count + 1);
            }
        }

        // OrderBy is stable: equal counts keep the order of first mention.
        return [.. found.OrderByDescending(f => f.Count).Select(f => f.Name)];
    }
}
