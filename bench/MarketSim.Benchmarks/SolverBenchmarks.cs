using BenchmarkDotNet.Attributes;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Benchmarks;

/// <summary>
/// Issue 4: one `solve` of the 000 Section 7 family (buyers v^K ~ U[0,1], v^M = 1; sellers PowerParetoSellerRateLaw)
/// after warm-up, target under 50 ms. The market is built once (rate laws hold no tables), so each iteration is
/// exactly what `solve` does per mechanism: OptimalMechanismSolver.Solve on the default 2000-point grid.
/// The other benchmarks time the same solve on the other production rate laws the solver meets
/// (ConstantMoneyRateLaw: closed forms; ParetoWeightRateLaw: tanh-sinh quadrature per surplus call).
/// dotnet run -c Release --project bench/MarketSim.Benchmarks -- --filter '*SolverBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class SolverBenchmarks
{
    private ContinuumMarket _sectionSeven = null!;
    private ContinuumMarket _uniformExample = null!;
    private ContinuumMarket _linearParetoWeight = null!;

    /// <summary>Lump sums allowed (main model) or No Free Lunch.</summary>
    [Params(true, false)]
    public bool LumpSumsAllowed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        IRateLaw buyers = RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)));
        // alpha = 2, beta = 1, mu = 0.1: above beta = alpha - 1 - 1/alpha, so sellers are rationed (000 Figure 7.1).
        _sectionSeven = new ContinuumMarket(buyers, new PowerParetoSellerRateLaw(2.0, 1.0), 0.1);
        _uniformExample = new ContinuumMarket(
            buyers, RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(3.2))), 1.0);
        _linearParetoWeight = new ContinuumMarket(
            RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0, 1), [2.0, -1.5])),
            RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0.2, 1), [1.0, 0.5])),
            0.4);
    }

    [Benchmark(Baseline = true)]
    public double SolveSectionSeven() => OptimalMechanismSolver.Solve(_sectionSeven, LumpSumsAllowed).Welfare;

    [Benchmark]
    public double SolveUniformExample() => OptimalMechanismSolver.Solve(_uniformExample, LumpSumsAllowed).Welfare;

    [Benchmark]
    public double SolveLinearParetoWeight() => OptimalMechanismSolver.Solve(_linearParetoWeight, LumpSumsAllowed).Welfare;
}
