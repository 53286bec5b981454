using MarketSim.Core.Distributions;
using MarketSim.Core.RedistributiveAuctions;

namespace MarketSim.Core.Scenarios;

/// <summary>
/// How the welfare ranking lambda_i of docs/theory.md §4 is built from the type law F_i (003 Theorem 1).
/// A player's <see cref="AuctionPlayerSpec.Weight"/> multiplies lambda_i.
/// </summary>
public enum WelfareWeights
{
    /// <summary><c>utils</c>: d lambda_i = dF_i, every type's utility counts once.</summary>
    Utils,

    /// <summary><c>money-metric</c>: d lambda_i = t dF_i, utilities counted in money (docs/theory.md §4 sanity check).</summary>
    MoneyMetric,
}

/// <summary>One player: the law of its type t = 1/(marginal utility of money) and its welfare multiplier.</summary>
public sealed record AuctionPlayerSpec(DistributionSpec Type, double Weight)
{
    /// <summary><c>players[i].weights</c>: the player's own welfare-ranking density (null = the auction's).</summary>
    public WelfareWeightDensity? Weights { get; init; }
}

/// <summary>
/// <c>redistributive-auction: { groups, badCost, players: [ { type, weight } ], weights }</c> (docs/theory.md §4):
/// a good and a bad auctioned among n players, <c>groups</c> independent groups per replication.
/// </summary>
public sealed record RedistributiveAuctionSpec(
    string Label,
    int Groups,
    double BadCost,
    IReadOnlyList<AuctionPlayerSpec> Players,
    WelfareWeights Weights)
    : MechanismSpec(Label)
{
    /// <summary>
    /// <c>weights: { polynomial: [...] }</c> or <c>{ piecewiseConstant: { breaks, values } }</c>: a general
    /// welfare-ranking density d lambda_i = w(t) dF_i (docs/theory.md §4, 003 Theorem 1); null = <see cref="Weights"/>.
    /// </summary>
    public WelfareWeightDensity? Density { get; init; }

    /// <summary>The density every player without its own uses.</summary>
    public WelfareWeightDensity EffectiveDensity => Density ?? WelfareWeightDensity.Of(Weights);

    /// <summary>
    /// Checks what the theory needs (docs/theory.md §4; 003 Section 2.1: 0 &lt; a_i, bounded supports) and
    /// returns this spec. Throws <see cref="ArgumentException"/> whose ParamName is the field path.
    /// Type supports are checked where the law is built (<c>AuctionTypeLaws</c>).
    /// </summary>
    public RedistributiveAuctionSpec Validate()
    {
        if (Groups < 1)
        {
            throw new ArgumentException($"groups must be at least 1, got {Groups}", "groups");
        }

        if (!(BadCost > 0) || double.IsInfinity(BadCost))
        {
            throw new ArgumentException($"badCost must be a positive number, got {BadCost}", "badCost");
        }

        if (Players is null || Players.Count < 2)
        {
            throw new ArgumentException($"players must list at least 2 players, got {Players?.Count ?? 0}", "players");
        }

        for (var i = 0; i < Players.Count; i++)
        {
            var player = Players[i] ?? throw new ArgumentException("player is missing", $"players[{i}]");
            if (player.Type is null)
            {
                throw new ArgumentException("type is missing", $"players[{i}].type");
            }

            if (!(player.Weight > 0) || double.IsInfinity(player.Weight))
            {
                throw new ArgumentException($"weight must be a positive number, got {player.Weight}", $"players[{i}].weight");
            }
        }

        return this;
    }
}
