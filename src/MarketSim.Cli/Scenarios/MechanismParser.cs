using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// Parses one entry of <c>mechanisms:</c>: a bare name (<c>competitive-equilibrium</c>, <c>optimal</c>,
/// <c>optimal-no-lump-sum</c>, <c>trade-reduction</c>) or a one-key mapping <c>{ kind: { ...fields } }</c>. Every mapping may
/// carry <c>label</c>, the name used in the output (default: the kind).
/// </summary>
internal static class MechanismParser
{
    public const string CompetitiveEquilibrium = "competitive-equilibrium";
    public const string PriceWedge = "price-wedge";
    public const string PriceControl = "price-control";
    public const string Menu = "menu";
    public const string Optimal = "optimal";
    public const string OptimalNoLumpSum = "optimal-no-lump-sum";
    public const string MultiObjectThreshold = "multi-object-threshold";
    public const string RedistributiveAuction = "redistributive-auction";
    public const string TradeReduction = "trade-reduction";

    /// <summary>At most 3 options per side (001, corrected Theorem 1; docs/theory.md §1.2).</summary>
    public const int MaximumMenuOptions = 3;

    public static readonly string[] Kinds =
        [CompetitiveEquilibrium, PriceWedge, PriceControl, Menu, Optimal, OptimalNoLumpSum, MultiObjectThreshold, RedistributiveAuction, TradeReduction];

    private static readonly Dictionary<string, LumpSumPolicy> LumpSumPolicies = new()
    {
        ["realized"] = LumpSumPolicy.Realized,
        ["promised"] = LumpSumPolicy.Promised,
    };

    private static readonly Dictionary<string, LumpSumRecipient> LumpSumRecipients = new()
    {
        ["auto"] = LumpSumRecipient.Auto,
        ["buyers"] = LumpSumRecipient.Buyers,
        ["sellers"] = LumpSumRecipient.Sellers,
    };

    private static readonly Dictionary<string, PriceRule> PriceRules = new()
    {
        ["midpoint"] = PriceRule.Midpoint,
        ["low"] = PriceRule.Low,
        ["high"] = PriceRule.High,
    };

    public static MechanismSpec Parse(YamlField entry)
    {
        if (entry.IsScalar)
        {
            var name = entry.Text();
            return name switch
            {
                CompetitiveEquilibrium => new CompetitiveEquilibriumSpec(name),
                Optimal => new OptimalSpec(name, LumpSumsAllowed: true),
                OptimalNoLumpSum => new OptimalSpec(name, LumpSumsAllowed: false),
                TradeReduction => new TradeReductionSpec(name),
                _ when Kinds.Contains(name) => throw entry.Error($"'{name}' needs its parameters: write '{name}: {{ ... }}'"),
                _ => throw entry.Error($"unknown mechanism '{name}'; expected one of: {string.Join(", ", Kinds)}"),
            };
        }

        var (kind, body) = entry.SingleKey("mechanism", Kinds);
        var label = body.IsMapping && body.Optional("label") is { } labelField ? labelField.Text() : kind;
        return kind switch
        {
            CompetitiveEquilibrium => new CompetitiveEquilibriumSpec(
                label,
                body.AllowOnly("label", "priceRule").Optional("priceRule")?.Choice(PriceRules) ?? PriceRule.Midpoint),
            PriceWedge => ParsePriceWedge(label, body),
            PriceControl => new PriceControlSpec(label, body.AllowOnly("label", "price").Required("price").Number()),
            Menu => ParseMenu(label, body),
            Optimal or OptimalNoLumpSum => new OptimalSpec(
                label,
                LumpSumsAllowed: kind == Optimal,
                body.AllowOnly("label", "lumpSum").Optional("lumpSum")?.Choice(LumpSumPolicies) ?? LumpSumPolicy.Realized),
            TradeReduction => new TradeReductionSpec(
                label, LumpSumPolicyOf(body.AllowOnly("label", "lumpSum", "lumpSumTo")), LumpSumRecipientOf(body)),
            MultiObjectThreshold => CoreValidated(body, () => MultiObjectParser.Parse(label, body)),
            RedistributiveAuction => CoreValidated(body, () => RedistributiveAuctionParser.Parse(label, body)),
            _ => throw body.Error($"unknown mechanism '{kind}'"),
        };
    }

    /// <summary>
    /// Specs that validate themselves in the core throw ArgumentException whose ParamName is the
    /// field path below the mechanism (e.g. <c>buyer.high</c>); report it at that field.
    /// </summary>
    internal static T CoreValidated<T>(YamlField body, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException exception) when (exception is not ArgumentNullException)
        {
            var reason = exception.ParamName is { } name ? exception.Message.Replace($" (Parameter '{name}')", string.Empty) : exception.Message;
            throw (exception.ParamName is { } path ? body.Locate(path) : body).Error(reason);
        }
    }

    private static PriceWedgeSpec ParsePriceWedge(string label, YamlField body)
    {
        body.AllowOnly("label", "buyerPrice", "sellerPrice", "lumpSum", "lumpSumTo");
        var buyerPrice = body.Required("buyerPrice").Number();
        var sellerPriceField = body.Required("sellerPrice");
        var sellerPrice = sellerPriceField.Number();
        if (buyerPrice < sellerPrice)
        {
            throw sellerPriceField.Error($"a wedge needs buyerPrice >= sellerPrice (found buyerPrice {buyerPrice}, sellerPrice {sellerPrice})");
        }

        return new PriceWedgeSpec(label, buyerPrice, sellerPrice, LumpSumPolicyOf(body), LumpSumRecipientOf(body));
    }

    private static MenuSpec ParseMenu(string label, YamlField body)
    {
        body.AllowOnly("label", "buyers", "sellers", "lumpSum", "lumpSumTo");
        return new MenuSpec(
            label,
            ParseOptions(body.Required("buyers")),
            ParseOptions(body.Required("sellers")),
            LumpSumPolicyOf(body),
            LumpSumRecipientOf(body));
    }

    private static MenuOption[] ParseOptions(YamlField side)
    {
        var items = side.Items();
        if (items.Count is 0 or > MaximumMenuOptions)
        {
            throw side.Error($"a menu offers 1 to {MaximumMenuOptions} options per side (docs/theory.md §1.2), found {items.Count}");
        }

        return items
            .Select(item => new MenuOption(
                item.AllowOnly("price", "probability").Required("price").Number(),
                item.Optional("probability")?.Number(value => value > 0 && value <= 1, "a probability must lie in (0, 1]") ?? 1.0))
            .ToArray();
    }

    private static LumpSumPolicy LumpSumPolicyOf(YamlField body) =>
        body.Optional("lumpSum")?.Choice(LumpSumPolicies) ?? LumpSumPolicy.Realized;

    private static LumpSumRecipient LumpSumRecipientOf(YamlField body) =>
        body.Optional("lumpSumTo")?.Choice(LumpSumRecipients) ?? LumpSumRecipient.Auto;
}
