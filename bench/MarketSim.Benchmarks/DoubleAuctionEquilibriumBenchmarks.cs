using BenchmarkDotNet.Attributes;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Strategic;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Benchmarks;

/// <summary>
/// Issue 16: one symmetric Bayes-Nash equilibrium of the finite CE (<see cref="DoubleAuctionEquilibrium.Solve"/>,
/// docs/theory.md §2.4) as <c>behaviour: equilibrium</c> solves it: uniform [0, 1] values on both sides, the
/// midpoint price rule, 41 type points a side, N buyers and N sellers, the deviation check included (it is
/// part of Solve). Only the public signature is called, so the figures follow the solver as it changes.
/// ShortRun job (3 iterations): a solve takes up to seconds.
/// dotnet run -c Release --project bench/MarketSim.Benchmarks -- --filter '*DoubleAuctionEquilibriumBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DoubleAuctionEquilibriumBenchmarks
{
    private IRateLaw _uniform = null!;

    [Params(4, 16, 64, 1000)]
    public int Pairs { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _uniform = RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)));

    [Benchmark]
    public double Solve() =>
        DoubleAuctionEquilibrium.Solve(_uniform, _uniform, Pairs, Pairs, PriceRule.Midpoint, typePoints: 41).MaximumGain;
}
