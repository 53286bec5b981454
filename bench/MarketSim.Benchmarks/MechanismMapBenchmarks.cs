using BenchmarkDotNet.Attributes;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Benchmarks;

/// <summary>
/// One grid point of 000 Figures 7.1-7.2 (`figure mechanism-map`): the optimal mechanism of the
/// Pareto/power family at (alpha, beta) = (1.5, 1), a rationing cell, with and without lump sums,
/// for a balanced and a thin market. The full map is 6 x 40 x 40 of these on 2 cores.
/// </summary>
public class MechanismMapBenchmarks
{
    private ContinuumMarket market = null!;

    [Params(1.0, 0.01)]
    public double BuyersPerSeller { get; set; }

    [Params(true, false)]
    public bool LumpSumsAllowed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var buyers = RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)));
        market = new ContinuumMarket(buyers, new PowerParetoSellerRateLaw(1.5, 1.0), BuyersPerSeller);
    }

    [Benchmark(Description = "Section 7 solve, (alpha, beta) = (1.5, 1)")]
    public OptimalMechanismSolution Solve() => OptimalMechanismSolver.Solve(market, LumpSumsAllowed);
}
