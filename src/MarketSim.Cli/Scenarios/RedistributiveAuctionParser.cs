using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// <c>redistributive-auction: { groups, badCost, players: [ { type: &lt;distribution&gt;, weight, weights } ],
/// weights }</c> (docs/theory.md §4). <c>weights</c> is <c>utils</c>, <c>money-metric</c>, or a density of the welfare
/// ranking on the type, d lambda_i = w(t) dF_i (docs/theory.md §4): <c>{ polynomial: [c0, c1, ...] }</c>
/// or <c>{ piecewiseConstant: { breaks: [t1, ...], values: [w0, w1, ...] } }</c>; a player's own
/// <c>weights</c> overrides the auction's.
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
                DistributionParser.Parse(player.AllowOnly("type", "weight", "weights").Required("type")),
                player.Optional("weight")?.Number() ?? 1.0)
            {
                Weights = player.Optional("weights") is { } own ? ParseWeights(own) switch { (var named, var density) => density ?? WelfareWeightDensity.Of(named) } : null,
            })
            .ToArray();
        var (named, density) = body.Optional("weights") is { } weights ? ParseWeights(weights) : (WelfareWeights.Utils, null);
        return new RedistributiveAuctionSpec(
            label,
            body.Optional("groups")?.Integer(1, InputLimits.MaxPlayers) ?? 1000,
            body.Required("badCost").Number(),
            players,
            named)
        {
            Density = density,
        }.Validate();
    }

    /// <summary>A named weighting, or a density (then <c>Named</c> is utils and unused).</summary>
    private static (WelfareWeights Named, WelfareWeightDensity? Density) ParseWeights(YamlField field)
    {
        if (field.IsScalar)
        {
            return (field.Choice(Weights), null);
        }

        var (kind, body) = field.SingleKey("weight density", ["polynomial", "piecewiseConstant"]);
        if (kind == "polynomial")
        {
            var coefficients = body.Items().Select(item => item.Number()).ToArray();
            if (coefficients.Length == 0)
            {
                throw body.Error("the weight polynomial needs at least one coefficient");
            }

            return (WelfareWeights.Utils, WelfareWeightDensity.Polynomial(coefficients));
        }

        body.AllowOnly("breaks", "values");
        var breaks = body.Required("breaks").Items().Select(item => item.Number()).ToArray();
        var values = body.Required("values").Items().Select(item => item.Number()).ToArray();
        return (WelfareWeights.Utils, WelfareWeightDensity.PiecewiseConstant(breaks, values));
    }
}
