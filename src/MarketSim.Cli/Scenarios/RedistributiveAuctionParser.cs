using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// <c>redistributive-auction: { groups, badCost, players: [ { type: &lt;distribution&gt;, weight } ],
/// weights: utils | money-metric }</c> (SPEC 4).
/// </summary>
internal static class RedistributiveAuctionParser
{
    private static readonly Dictionary<string, WelfareWeights> Weights = new()
    {
        ["utils"] = WelfareWeights.Utils,
        ["money-metric"] = WelfareWeights.MoneyMetric,
    };

    public static RedistributiveAuctionSpec Parse(string label, YamlField body)
    {
        body.AllowOnly("label", "groups", "badCost", "players", "weights");
        var players = body.Required("players").Items()
            .Select(player => new AuctionPlayerSpec(
                DistributionParser.Parse(player.AllowOnly("type", "weight").Required("type")),
                player.Optional("weight")?.Number() ?? 1.0))
            .ToArray();
        return new RedistributiveAuctionSpec(
            label,
            body.Optional("groups")?.Integer(1, InputLimits.MaxPlayers) ?? 1000,
            body.Required("badCost").Number(),
            players,
            body.Optional("weights")?.Choice(Weights) ?? WelfareWeights.Utils).Validate();
    }
}
