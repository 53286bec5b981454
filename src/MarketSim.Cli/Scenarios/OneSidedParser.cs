using MarketSim.Core;
using MarketSim.Core.Agents;
using MarketSim.Core.Laws;
using MarketSim.Core.OneSided;
using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// <c>oneSided: { side: sellers | buyers, quantity: Q, revenue: R }</c> (001 Section 3, 002 slides;
/// docs/theory.md §1.6): needs the scenario's law of that side. Solved once here so that a budget that
/// cannot buy (or raise) enough is refused up front, naming the field.
/// </summary>
internal static class OneSidedParser
{
    private static readonly Dictionary<string, Side> Sides = new()
    {
        ["sellers"] = Side.Sellers,
        ["buyers"] = Side.Buyers,
    };

    public static OneSidedSpec Parse(YamlField body, SideLawSpec? buyers, SideLawSpec? sellers)
    {
        body.AllowOnly("side", "quantity", "revenue");
        var sideField = body.Required("side");
        var side = sideField.Choice(Sides);
        var law = (side == Side.Sellers ? sellers : buyers)
            ?? throw sideField.Error($"a one-sided problem on the {(side == Side.Sellers ? "sellers" : "buyers")} needs the scenario's '{(side == Side.Sellers ? "sellers" : "buyers")}' law");
        var spec = new OneSidedSpec(
            side,
            body.Required("quantity").Number(value => value is > 0 and < 1, "must lie strictly between 0 and 1"),
            body.Required("revenue").Number());
        MechanismParser.CoreValidated(body, () => OneSidedReport.Solve(spec, law));
        return spec;
    }
}
