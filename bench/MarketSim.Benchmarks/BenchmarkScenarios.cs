using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Scenarios;

namespace MarketSim.Benchmarks;

/// <summary>The scenarios the benchmarks measure: 000 Section 2's uniform example (m = 2) at a given size.</summary>
internal static class BenchmarkScenarios
{
    /// <summary>CE only: the reference loop's scenario.</summary>
    public static MechanismSpec[] CompetitiveEquilibriumOnly { get; } = [new CompetitiveEquilibriumSpec("competitive-equilibrium")];

    /// <summary>CE and 000 Section 2's redistributive wedge (buyers pay 1/2, sellers get 1/4, revenue to sellers).</summary>
    public static MechanismSpec[] CompetitiveEquilibriumAndWedge { get; } =
    [
        new CompetitiveEquilibriumSpec("competitive-equilibrium"),
        new PriceWedgeSpec("price-wedge", 0.5, 0.25, LumpSumPolicy.Realized, LumpSumRecipient.Sellers),
    ];

    /// <summary>The quickstart's three mechanisms: CE, the wedge, a price floor at 0.4.</summary>
    public static MechanismSpec[] ThreeMechanisms { get; } =
    [
        .. CompetitiveEquilibriumAndWedge,
        new PriceControlSpec("price-floor", 0.4),
    ];

    public static Scenario UniformExample(int sellers, int replications, params MechanismSpec[] mechanisms) => new(
        "benchmark",
        Seed: 7,
        Replications: replications,
        new MarketSpec(sellers, 1.0),
        new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)),
        new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(2)),
        mechanisms.Length > 0 ? mechanisms : CompetitiveEquilibriumOnly);
}
