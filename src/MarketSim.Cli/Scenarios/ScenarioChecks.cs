using System.Globalization;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;
using MarketSim.Core.Replications;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// Checks that need more than one field: labels unique, auction type supports inside (0, infinity),
/// the two-sided market present when a two-sided mechanism is listed, prices inside the rates' support, Pareto weights positive.
/// </summary>
internal static class ScenarioChecks
{
    public static void Check(YamlField root, Scenario scenario)
    {
        var mechanisms = scenario.OneSided is null ? root.Required("mechanisms").Items() : root.Optional("mechanisms")?.Items() ?? []; // issue 15: a one-sided scenario may list none
        CheckLabels(mechanisms, scenario);
        CheckAuctionTypeSupports(mechanisms, scenario);
        if (!scenario.Mechanisms.Any(MechanismFactory.IsTwoSided))
        {
            return;
        }

        foreach (var key in new[] { "market", "buyers", "sellers" })
        {
            _ = root.Required(key);
        }

        CheckWeightPositive(root.Required("buyers"), scenario.Buyers!);
        CheckWeightPositive(root.Required("sellers"), scenario.Sellers!);
        // A law the theory cannot solve (e.g. an infinite mean) is invalid input, reported at its side.
        var buyers = MechanismParser.CoreValidated(root.Required("buyers"), () => RateLawFactory.Create(scenario.Buyers!));
        var sellers = MechanismParser.CoreValidated(root.Required("sellers"), () => RateLawFactory.Create(scenario.Sellers!));
        var lower = Math.Min(buyers.Lower, sellers.Lower);
        var upper = Math.Max(buyers.Upper, sellers.Upper);
        for (var index = 0; index < scenario.Mechanisms.Count; index++)
        {
            foreach (var (path, price) in PricesOf(scenario.Mechanisms[index]))
            {
                if (price < lower || price > upper)
                {
                    throw Locate(mechanisms[index], path).Error(
                        $"price {Format(price)} lies outside the support of the rates of substitution [{Format(lower)}, {Format(upper)}]");
                }
            }
        }
    }

    private static void CheckLabels(IReadOnlyList<YamlField> fields, Scenario scenario)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < scenario.Mechanisms.Count; index++)
        {
            var label = scenario.Mechanisms[index].Label;
            if (!seen.Add(label))
            {
                throw fields[index].Error($"two mechanisms are labelled '{label}': give one a different 'label'");
            }
        }
    }

    /// <summary>
    /// An auction's type t = 1/(marginal utility of money) needs a support [a, b] with
    /// 0 &lt; a &lt; b &lt; infinity (003 Section 2.1); reported at <c>players[i].type</c> before any run.
    /// </summary>
    private static void CheckAuctionTypeSupports(IReadOnlyList<YamlField> fields, Scenario scenario)
    {
        for (var index = 0; index < scenario.Mechanisms.Count; index++)
        {
            if (scenario.Mechanisms[index] is RedistributiveAuctionSpec auction)
            {
                var body = fields[index].Required(fields[index].Keys[0]);
                MechanismParser.CoreValidated(body, () => AuctionTypeLaws.Create(auction));
            }
        }
    }

    /// <summary>lambda(r) must be positive inside the rate's support, and may vanish at an end: it is a value of money (docs/theory.md §1.1, §1.5).</summary>
    private static void CheckWeightPositive(YamlField side, SideLawSpec spec)
    {
        if (spec is not ParetoWeightLawSpec paretoWeight)
        {
            return;
        }

        var rate = DistributionFactory.Create(paretoWeight.Rate);
        var lower = rate.InverseCdf(1e-12);
        var upper = rate.InverseCdf(1 - 1e-12);
        const int points = 1000;
        for (var i = 0; i <= points; i++)
        {
            var r = lower + (upper - lower) * i / points;
            var weight = paretoWeight.WeightPolynomial.Reverse().Aggregate(0.0, (sum, coefficient) => sum * r + coefficient);
            // Positive inside; an end of the support may be a zero of lambda (docs/theory.md §1.5), not negative.
            var atEnd = i == 0 || i == points;
            if (atEnd ? !(weight >= 0) : !(weight > 0))
            {
                throw side.Required("weight").Error(
                    $"the Pareto weight lambda(r) must be positive inside the rate's support (it may vanish at an end); lambda({Format(r)}) = {Format(weight)}");
            }
        }
    }

    /// <summary>The prices a mechanism posts, with the path of each below the mechanism's entry.</summary>
    private static IEnumerable<(string Path, double Price)> PricesOf(MechanismSpec spec) => spec switch
    {
        PriceWedgeSpec wedge => [("buyerPrice", wedge.BuyerPrice), ("sellerPrice", wedge.SellerPrice)],
        PriceControlSpec control => [("price", control.Price)],
        MenuSpec menu => menu.Buyers.Select((option, i) => ($"buyers[{i}].price", option.Price))
            .Concat(menu.Sellers.Select((option, i) => ($"sellers[{i}].price", option.Price))),
        _ => [],
    };

    /// <summary>The field of a mechanism entry's body at a relative path.</summary>
    private static YamlField Locate(YamlField entry, string path) => entry.Required(entry.Keys[0]).Locate(path);

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
