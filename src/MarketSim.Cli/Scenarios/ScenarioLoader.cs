using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MarketSim.Core.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// Reads and validates a scenario file (docs/architecture.md, "Scenario YAML"). Every problem is an
/// <see cref="InvalidInputException"/> naming the file, the field path and the reason; nothing is
/// run or written before the whole scenario is valid.
/// </summary>
public static partial class ScenarioLoader
{
    private static readonly string[] TopLevelKeys =
        ["name", "description", "seed", "replications", "market", "buyers", "sellers", "mechanisms", "entry", "oneSided"];

    public const ulong DefaultSeed = 1;
    public const int DefaultReplications = 100;

    public static LoadedScenario Load(string file)
    {
        if (!File.Exists(file))
        {
            throw new InvalidInputException(file, "(file)", "file not found");
        }

        var bytes = File.ReadAllBytes(file);
        var root = ParseDocument(file, System.Text.Encoding.UTF8.GetString(bytes));
        return LoadRoot(file, root, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>As <see cref="Load"/>, from the file's text (a cluster worker is sent the coordinator's file as text).</summary>
    public static LoadedScenario LoadText(string file, string text) =>
        LoadRoot(file, ParseDocument(file, text), Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))));

    /// <summary>Parses a scenario file's text into its YAML node tree (errors name the file), for callers that edit it (<c>sweep</c>).</summary>
    public static YamlNode ParseNodes(string file, string text) => ParseDocument(file, text).Node;

    /// <summary>
    /// Validates an (edited) node tree of <paramref name="file"/> exactly as <see cref="Load"/> does,
    /// with the same file and field paths in error messages; <paramref name="sha256"/> is recorded as the source's hash.
    /// </summary>
    public static LoadedScenario LoadNodes(string file, YamlNode root, string sha256)
    {
        var field = new YamlField(file, string.Empty, root);
        return field.IsMapping
            ? LoadRoot(file, field, sha256)
            : throw new InvalidInputException(file, "(document)", "a scenario is a mapping of fields (name, market, buyers, sellers, mechanisms, ...)");
    }

    private static LoadedScenario LoadRoot(string file, YamlField root, string sha256)
    {
        var scenario = Parse(root, Path.GetFileNameWithoutExtension(file));
        ScenarioChecks.Check(root, scenario);
        return new LoadedScenario(scenario, file, sha256);
    }

    private static YamlField ParseDocument(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            var reason = exception.InnerException?.Message ?? exception.Message;
            throw new InvalidInputException(file, $"(line {exception.Start.Line}, column {exception.Start.Column})", $"malformed YAML: {reason}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new InvalidInputException(file, "(document)", $"expected one YAML document, found {stream.Documents.Count}");
        }

        var root = new YamlField(file, string.Empty, stream.Documents[0].RootNode);
        return root.IsMapping ? root : throw new InvalidInputException(file, "(document)", "a scenario is a mapping of fields (name, market, buyers, sellers, mechanisms, ...)");
    }

    private static Scenario Parse(YamlField root, string defaultName)
    {
        root.AllowOnly(TopLevelKeys);
        if (root.Optional("description") is { IsScalar: false } description)
        {
            throw description.Error("must be text (one string, e.g. description: \"what this scenario shows\")");
        }

        var nameField = root.Optional("name");
        var name = nameField?.Text() ?? defaultName;
        if (!SafeName().IsMatch(name))
        {
            throw (nameField ?? root).Error($"the name '{name}' is also the output folder: use letters, digits, '.', '-' or '_' only");
        }

        // A scenario with a one-sided problem (issue 15) may list no mechanism.
        var oneSidedField = root.Optional("oneSided");
        var mechanismsField = oneSidedField is null ? root.Required("mechanisms") : root.Optional("mechanisms");
        var mechanisms = mechanismsField?.Items().Select(MechanismParser.Parse).ToArray() ?? [];
        if (mechanisms.Length == 0 && oneSidedField is null)
        {
            throw mechanismsField!.Error("the mechanism list is empty: name at least one mechanism");
        }

        // Fields in the order they were always checked (the first bad one is the one reported).
        var seed = root.Optional("seed")?.UnsignedInteger() ?? DefaultSeed;
        var replications = root.Optional("replications")?.Integer(1, InputLimits.MaxReplications) ?? DefaultReplications;
        var marketSpec = root.Optional("market") is { } market ? ParseMarket(market) : null;
        var buyerLaw = root.Optional("buyers") is { } buyers ? SideLawParser.Parse(buyers) : null;
        var sellerLaw = root.Optional("sellers") is { } sellers ? SideLawParser.Parse(sellers) : null;
        var buyerBehaviour = BehaviourOf(root.Optional("buyers"), mechanisms, marketSpec);
        var sellerBehaviour = BehaviourOf(root.Optional("sellers"), mechanisms, marketSpec);
        return new Scenario(
            name,
            seed,
            replications,
            marketSpec,
            buyerLaw,
            sellerLaw,
            mechanisms,
            root.Optional("entry") is { } entry ? EntryParser.Parse(entry) : null,
            oneSidedField is null ? null : OneSidedParser.Parse(oneSidedField, buyerLaw, sellerLaw),
            buyerBehaviour,
            sellerBehaviour);
    }

    /// <summary>
    /// A side's <c>behaviour</c>; <c>equilibrium</c> only where it is defined (docs/theory.md §2.4): with a
    /// competitive-equilibrium mechanism listed (posted mechanisms are dominant-strategy incentive
    /// compatible, their traders report truthfully) and at most the solver's number of agents per side.
    /// </summary>
    private static TraderBehaviour BehaviourOf(YamlField? side, IReadOnlyList<MechanismSpec> mechanisms, MarketSpec? market)
    {
        if (side is null || SideLawParser.Behaviour(side) == TraderBehaviour.Truthful)
        {
            return TraderBehaviour.Truthful;
        }

        var field = side.Required("behaviour");
        if (!mechanisms.Any(mechanism => mechanism is CompetitiveEquilibriumSpec))
        {
            throw field.Error("'equilibrium' applies to the finite CE only: list competitive-equilibrium (posted mechanisms are dominant-strategy incentive compatible, so their traders report truthfully)");
        }

        var sellers = market?.Sellers ?? 0;
        var buyers = Math.Round(sellers * (market?.BuyersPerSeller ?? 1.0), MidpointRounding.AwayFromZero);
        if (Math.Max(sellers, buyers) > MarketSim.Core.Strategic.DoubleAuctionEquilibrium.MaximumAgentsPerSide)
        {
            throw field.Error($"'equilibrium' is computed for at most {MarketSim.Core.Strategic.DoubleAuctionEquilibrium.MaximumAgentsPerSide} agents per side (market has {sellers} sellers and {buyers} buyers; shading falls like 1/N, so larger markets are close to truthful)");
        }

        return TraderBehaviour.Equilibrium;
    }

    private static MarketSpec ParseMarket(YamlField market)
    {
        market.AllowOnly("sellers", "buyersPerSeller");
        var sellers = market.Required("sellers").Integer(1, InputLimits.MaxAgentsPerSide);
        var buyersPerSellerField = market.Optional("buyersPerSeller");
        var buyersPerSeller = buyersPerSellerField?.Number(value => value > 0, "must be positive") ?? 1.0;
        // The buyers are round(sellers x buyersPerSeller) agents (000 Section 2: mu buyers per seller).
        var buyers = Math.Round(sellers * buyersPerSeller, MidpointRounding.AwayFromZero);
        if (buyers > InputLimits.MaxAgentsPerSide)
        {
            throw buyersPerSellerField!.Error(
                $"{sellers} sellers x {buyersPerSeller.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} make {buyers.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)} buyers, more than the limit of {InputLimits.MaxAgentsPerSide} agents per side (docs/running.md)");
        }

        if (buyers < 1)
        {
            throw buyersPerSellerField!.Error($"{sellers} sellers x {buyersPerSeller.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} make no buyer: the market needs at least one");
        }

        return new MarketSpec(sellers, buyersPerSeller);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeName();
}
