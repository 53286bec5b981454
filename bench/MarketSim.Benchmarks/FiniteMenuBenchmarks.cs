using BenchmarkDotNet.Attributes;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Benchmarks;

/// <summary>
/// Issue 16: what the finite-market theory costs (docs/finite-markets.md, "Cost, measured").
/// <see cref="FiniteMenuExpectation"/> (the exact sums behind summary.csv's and sweep.csv's theory_finite,
/// docs/theory.md §2.2) on 000 Section 2's market (m = 2, scenarios/paper-section2.yaml): the paper's wedge
/// (one option a side, O(sqrt N)) and a two-option menu a side (O(N)); <see cref="FiniteMenuAsymptotics"/>
/// (what replaces the sums beyond N_S = 10^5) for both. N_B = N_S throughout (mu = 1).
/// ShortRun job (3 iterations): these are costs to an order of magnitude, not fine comparisons.
/// dotnet run -c Release --project bench/MarketSim.Benchmarks -- --filter '*FiniteMenuBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class FiniteMenuBenchmarks
{
    private ContinuumMarket _market = null!;
    private MenuMechanism _wedge = null!;
    private MenuMechanism _twoOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _market = new ContinuumMarket(
            RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1))),
            RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(2))),
            1.0);
        // The paper's wedge (000 Section 2): p_B = 1/2, p_S = 1/4, the revenue to the sellers as realised.
        _wedge = PriceWedge.Create("paper-wedge", 0.5, 0.25, LumpSumPolicy.Realized, LumpSumRecipient.Sellers, _market);
        // One sure option and one lottery a side, every option chosen by a positive share (the shape of the
        // random menus of TheoryFiniteMatchesMonteCarloTests): buyers buy surely at 0.6 above r* = 0.9 and
        // take the lottery (0.3, 1/2) in (0.3, 0.9); sellers (r_S ~ U[0, 1/2]) sell surely at 0.225 below
        // r* = 0.1 and take the lottery (0.35, 1/2) in (0.1, 0.35).
        _twoOptions = MenuMechanism.Create(
            new MenuSpec(
                "two-option-menu",
                [new MenuOption(0.6, 1.0), new MenuOption(0.3, 0.5)],
                [new MenuOption(0.225, 1.0), new MenuOption(0.35, 0.5)],
                LumpSumPolicy.Realized,
                LumpSumRecipient.Sellers),
            _market);
    }

    /// <summary>The exact sums for the wedge (what theory_finite costs for paper-section2's wedge at N_S).</summary>
    [Benchmark]
    [Arguments(1_000)]
    [Arguments(10_000)]
    [Arguments(100_000)]
    public double WedgeExact(int sellers) => Exact(_wedge, sellers);

    /// <summary>The exact sums for two options a side.</summary>
    [Benchmark]
    [Arguments(1_000)]
    [Arguments(10_000)]
    public double TwoOptionMenuExact(int sellers) => Exact(_twoOptions, sellers);

    /// <summary>The asymptotic expansion for the wedge.</summary>
    [Benchmark]
    [Arguments(100_000)]
    [Arguments(1_000_000)]
    public double WedgeAsymptotic(int sellers) => Asymptotic(_wedge, sellers);

    /// <summary>The asymptotic expansion for two options a side.</summary>
    [Benchmark]
    [Arguments(100_000)]
    [Arguments(1_000_000)]
    public double TwoOptionMenuAsymptotic(int sellers) => Asymptotic(_twoOptions, sellers);

    private double Exact(MenuMechanism mechanism, int sellers) =>
        FiniteMenuExpectation.Compute(mechanism.Buyers, mechanism.Sellers, mechanism.LumpSum, _market, sellers, sellers).Values["welfare"];

    private double Asymptotic(MenuMechanism mechanism, int sellers) =>
        FiniteMenuAsymptotics.Compute(mechanism.Buyers, mechanism.Sellers, mechanism.LumpSum, _market, sellers, sellers).Values["welfare"];
}
