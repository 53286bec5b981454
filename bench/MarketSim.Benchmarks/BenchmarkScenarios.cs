using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Scenarios;

namespace MarketSim.Benchmarks;

/// <summary>The scenarios the benchmarks measure: 000 Section 2's uniform example (m = 2) at a given size.</summary>
internal static class BenchmarkScenarios
{
    public static Scenario UniformExample(int sellers, int replications, params MechanismSpec[] mechanisms) => new(
        "benchmark",
        Seed: 7,
        Replications: replications,
        new MarketSpec(sellers, 1.0),
        new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)),
        new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(2)),
        mechanisms.Length > 0 ? mechanisms : [new CompetitiveEquilibriumSpec("competitive-equilibrium")]);
}
