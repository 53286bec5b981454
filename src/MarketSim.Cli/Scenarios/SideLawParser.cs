using MarketSim.Core.Laws;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// Parses a side: <c>{ good, money, copula: { gaussian: rho } }</c> or the Pareto-weight form
/// <c>{ rate, weight: { polynomial: [c0, c1, ...] } }</c> (docs/architecture.md), or joint data
/// <c>{ joint: { empirical: pairs.csv } }</c> (<see cref="JointDataParser"/>).
/// </summary>
internal static class SideLawParser
{
    public static SideLawSpec Parse(YamlField side)
    {
        if (side.Optional("joint") is { } joint)
        {
            side.AllowOnly("joint");
            return JointDataParser.Parse(joint);
        }

        if (side.Optional("rate") is not null)
        {
            return ParseParetoWeightForm(side);
        }

        side.AllowOnly("good", "money", "copula");
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

    private static ParetoWeightLawSpec ParseParetoWeightForm(YamlField side)
    {
        side.AllowOnly("rate", "weight");
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
