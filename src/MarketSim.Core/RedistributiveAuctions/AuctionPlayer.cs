using MarketSim.Core.Scenarios;
using MarketSim.Core.Distributions;

namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// A player of the auction: the law F_i of its type t (utility x_A - c x_B - y/t, docs/theory.md §4) and the
/// multiplier of its welfare ranking lambda_i.
/// </summary>
public sealed record AuctionPlayer(IValueDistribution Type, double Weight)
{
    /// <summary>The player's own welfare-ranking density; null = the auction's (docs/theory.md §4).</summary>
    public WelfareWeightDensity? Density { get; init; }
}
