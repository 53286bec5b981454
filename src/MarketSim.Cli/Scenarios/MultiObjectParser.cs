using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// <c>multi-object-threshold: { objects, pairs, buyer: { high, low, goodProbability }, seller: {...},
/// sellerWeight, budget: ex-ante | ex-post }</c> (docs/theory.md §3). The core spec checks the value ordering.
/// </summary>
internal static class MultiObjectParser
{
    private static readonly Dictionary<string, BudgetBalance> Budgets = new()
    {
        ["ex-ante"] = BudgetBalance.ExAnte,
        ["ex-post"] = BudgetBalance.ExPost,
    };

    public static MultiObjectThresholdSpec Parse(string label, YamlField body)
    {
        body.AllowOnly("label", "objects", "pairs", "buyer", "seller", "sellerWeight", "budget");
        return new MultiObjectThresholdSpec(
            label,
            body.Required("objects").Integer(1, InputLimits.MaxObjects),
            body.Optional("pairs")?.Integer(1, InputLimits.MaxPlayers) ?? 1000,
            Values(body.Required("buyer")),
            Values(body.Required("seller")),
            body.Optional("sellerWeight")?.Number(),
            body.Optional("budget")?.Choice(Budgets) ?? BudgetBalance.ExAnte);
    }

    private static BinaryValues Values(YamlField side)
    {
        side.AllowOnly("high", "low", "goodProbability");
        return new BinaryValues(
            side.Required("high").Number(),
            side.Required("low").Number(),
            side.Required("goodProbability").Number());
    }
}
