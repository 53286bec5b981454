using MarketSim.Core.Mechanisms;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Replications;

namespace MarketSim.Core.Stress;

/// <summary>
/// The scenario the stress test runs at one population size: the same laws and mechanisms with
/// N_S = <c>sellers</c> and one lump-sum policy forced on every mechanism that has one (wedges,
/// menus, optimal). CE and price controls have no lump sum and are kept as they are (their budget
/// surplus is 0 by construction, docs/theory.md §2). Mechanisms outside the two-sided market are dropped.
/// </summary>
public static class StressScenario
{
    /// <param name="policy">Forced on every mechanism with a lump sum; null keeps each mechanism's own <c>lumpSum</c> (what <c>stress</c> runs).</param>
    public static Scenario ForSize(Scenario scenario, int sellers, LumpSumPolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(sellers, 1);
        var market = scenario.Market ?? throw new ArgumentException("the stress test needs a two-sided market ('market')", nameof(scenario));
        var mechanisms = scenario.Mechanisms
            .Where(MechanismFactory.IsTwoSided)
            .Select(spec => policy is { } forced ? WithPolicy(spec, forced) : spec)
            .ToArray();
        if (mechanisms.Length == 0)
        {
            throw new ArgumentException("the stress test needs at least one two-sided mechanism", nameof(scenario));
        }

        return scenario with { Market = market with { Sellers = sellers }, Mechanisms = mechanisms };
    }

    /// <summary>The spec with its lump-sum policy replaced; specs without a lump sum unchanged.</summary>
    public static MechanismSpec WithPolicy(MechanismSpec spec, LumpSumPolicy policy) => spec switch
    {
        PriceWedgeSpec wedge => wedge with { LumpSum = policy },
        MenuSpec menu => menu with { LumpSum = policy },
        OptimalSpec optimal => optimal with { LumpSum = policy },
        TradeReductionSpec tradeReduction => tradeReduction with { LumpSum = policy },
        _ => spec,
    };
}
