using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Mechanisms.Optimal;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;
using MarketSim.Core.Mechanisms;

namespace MarketSim.Core.Replications;

/// <summary>Builds the clearinghouse mechanism for a two-sided mechanism spec.</summary>
public static class MechanismFactory
{
    /// <summary>True for the mechanisms of the two-sided market (CE, wedges, controls, menus, optimal, trade reduction).</summary>
    public static bool IsTwoSided(MechanismSpec spec) =>
        spec is CompetitiveEquilibriumSpec or PriceWedgeSpec or PriceControlSpec or MenuSpec or OptimalSpec or TradeReductionSpec;

    /// <summary>
    /// The mechanism for <paramref name="spec"/>. The continuum market is needed by mechanisms whose
    /// menus or lump sums come from the theory (optimal menus, promised lump sums, auto recipients).
    /// </summary>
    public static ITwoSidedMechanism Create(MechanismSpec spec, ContinuumMarket continuum) => spec switch
    {
        CompetitiveEquilibriumSpec competitiveEquilibrium =>
            new CompetitiveEquilibrium(competitiveEquilibrium.Label, competitiveEquilibrium.PriceRule),
        PriceWedgeSpec wedge => PriceWedge.Create(wedge, continuum),
        PriceControlSpec control => PriceControl.Create(control),
        MenuSpec menu => MenuMechanism.Create(menu, continuum),
        OptimalSpec optimal => OptimalMechanism.Create(optimal, continuum),
        TradeReductionSpec tradeReduction => TradeReduction.Create(tradeReduction, continuum),
        _ => throw new NotSupportedException($"mechanism '{spec.Label}' ({spec.GetType().Name}) is not a two-sided mechanism"),
    };
}
