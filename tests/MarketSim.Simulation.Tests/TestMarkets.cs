using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;

namespace MarketSim.Simulation.Tests;

/// <summary>Small two-sided markets built in code (no YAML), for the actor tests.</summary>
internal static class TestMarkets
{
    /// <summary>
    /// Buyers v^K ~ U[0,1], v^M = 1; sellers v^K ~ U[0,1], v^M = 2 (the 000 Section 7 uniform
    /// example with Lambda_S / Lambda_B = 2); mu = 1; competitive equilibrium only.
    /// </summary>
    public static MarketModel Uniform(int sellers = 200, ulong seed = 11) =>
        new(new Scenario(
            "actor-test",
            seed,
            Replications: 8,
            new MarketSpec(sellers, BuyersPerSeller: 1.0),
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)),
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(2)),
            [new CompetitiveEquilibriumSpec("competitive-equilibrium")]));
}
