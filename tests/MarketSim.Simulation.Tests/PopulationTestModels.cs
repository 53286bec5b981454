using MarketSim.Core.Distributions;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;

namespace MarketSim.Simulation.Tests;

/// <summary>Scenarios with mechanisms that bring their own populations (docs/theory.md §3 pairs, docs/theory.md §4 groups), built in code.</summary>
internal static class PopulationTestModels
{
    /// <summary>004's example values (docs/theory.md §3), N = 3, ex-post budget.</summary>
    public static MultiObjectThresholdSpec Pairs(int pairs = 50) => new(
        "pairs", 3, pairs, new BinaryValues(12, 1, 0.5), new BinaryValues(11, 0, 0.5), 0.5, BudgetBalance.ExPost);

    /// <summary>Issue 7's example but asymmetric: U[1,20] and U[2,10] with weight 2, utils weights.</summary>
    public static RedistributiveAuctionSpec Groups(int groups = 30) => new(
        "groups", groups, 1,
        [new AuctionPlayerSpec(new UniformSpec(1, 20), 1), new AuctionPlayerSpec(new UniformSpec(2, 10), 2)],
        WelfareWeights.Utils);

    /// <summary>No two-sided market at all: only pairs and groups.</summary>
    public static MarketModel PopulationsOnly(ulong seed = 5) =>
        new(new Scenario("populations", seed, 6, null, null, null, [Pairs(), Groups()]));

    /// <summary>Pairs, then the two-sided CE market of <see cref="TestMarkets.Uniform"/>, then groups.</summary>
    public static MarketModel Mixed(ulong seed = 5)
    {
        var market = TestMarkets.Uniform(sellers: 60, seed: seed).Scenario;
        return new MarketModel(market with { Mechanisms = [Pairs(), .. market.Mechanisms, Groups()] });
    }
}
