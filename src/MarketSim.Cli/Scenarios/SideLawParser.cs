using MarketSim.Core.Laws;
using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// Parses a side: <c>{ good, money, copula: { gaussian: rho } }</c> or the Pareto-weight form
/// <c>{ rate, weight: { polynomial: [c0, c1, ...] } }</c> (docs/architecture.md), or joint data
/// <c>{ joint: { empirical: pairs.csv } }</c> (<see cref="JointDataParser"/>); each form may add
/// <c>behaviour: truthful | equilibrium</c>.
/// </summary>
internal static class SideLawParser
{
    public static SideLawSpec Parse(YamlField side)
    {
        if (side.Optional("joint") is { } joint)
        {
            side.AllowOnly("joint", "behaviour");
            return JointDataParser.Parse(joint);
        }

        if (side.Optional("rate") is not null)
        {
            return ParseParetoWeightForm(side);
        }

        side.AllowOnly("good", "money", "copula", "behaviour");
        var good = DistributionParser.Parse(side.Required("good"));
        var moneyField = side.Required("money");
        var money = DistributionParser.Parse(moneyField);
        if (DistributionParser.WhyNotValueOfMoney(money) is { } reason)
        {
            throw moneyField.Error(reason);
        }

        var correlation = 0.0;
        if (side.Optional("copula") is { } copula)
        {
            var (_, rho) = copula.SingleKey("copula", ["gaussian"]);
            correlation = rho.Number(value => value > -1 && value < 1, "the Gaussian copula's correlation must lie strictly between -1 and 1");
        }

        return new TwoDimensionalLawSpec(good, money, correlation);
    }

    private static readonly Dictionary<string, TraderBehaviour> Behaviours = new()
    {
        ["truthful"] = TraderBehaviour.Truthful,
        ["equilibrium"] = TraderBehaviour.Equilibrium,
    };

    /// <summary>A side's <c>behaviour: truthful | equilibrium</c> (docs/theory.md §2.4), truthful by default.</summary>
    public static TraderBehaviour Behaviour(YamlField side) =>
        side.Optional("behaviour")?.Choice(Behaviours) ?? TraderBehaviour.Truthful;

    private static ParetoWeightLawSpec ParseParetoWeightForm(YamlField side)
    {
        side.AllowOnly("rate", "weight", "behaviour");
        var rate = DistributionParser.Parse(side.Required("rate"));
        var (_, polynomial) = side.Required("weight").SingleKey("weight", ["polynomial"]);
        var coefficients = polynomial.Items().Select(item => item.Number()).ToArray();
        if (coefficients.Length == 0)
        {
            throw polynomial.Error("the weight polynomial needs at least one coefficient");
        }

        return new ParetoWeightLawSpec(rate, coefficients);
    }
}
