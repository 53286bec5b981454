using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Tests.Theory.RateLaws;

/// <summary>The factory picks the closed form where one exists; laws are cheap to build and safe to share.</summary>
public class RateLawFactoryRoutingTests
{
    [Fact]
    public void EachSpecGoesToItsRateLaw()
    {
        Assert.IsType<ConstantMoneyRateLaw>(RateLawFactory.Create(new TwoDimensionalLawSpec(new PowerSpec(2), new ConstantSpec(2), 0.5)));
        Assert.IsType<ConstantGoodRateLaw>(RateLawFactory.Create(new TwoDimensionalLawSpec(new ConstantSpec(1), new ParetoSpec(1, 3))));
        // Two varying marginals: tabulated once (issue 12); the exact law is what CreateExact gives.
        Assert.IsType<TabulatedRateLaw>(RateLawFactory.Create(new TwoDimensionalLawSpec(new PowerSpec(2), new ParetoSpec(1, 3), -0.3)));
        Assert.IsType<TwoDimensionalRateLaw>(RateLawFactory.CreateExact(new TwoDimensionalLawSpec(new PowerSpec(2), new ParetoSpec(1, 3), -0.3)));
        Assert.IsType<ParetoWeightRateLaw>(RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0, 1), [1])));
        Assert.Throws<ArgumentException>(() => RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ParetoSpec(1, 3), 1.5)));
    }

    [Fact]
    public void UnboundedGoodGivesAnInfiniteUpperRateThatTheTableTruncates()
    {
        var spec = new TwoDimensionalLawSpec(new LogNormalSpec(0, 1), new ParetoSpec(1, 3));
        var exact = RateLawFactory.CreateExact(spec);
        Assert.Equal(0, exact.Lower);
        Assert.Equal(double.PositiveInfinity, exact.Upper);
        Assert.Equal(0.999, exact.Cdf(exact.Quantile(0.999)), 1e-10);

        var table = Assert.IsType<TabulatedRateLaw>(RateLawFactory.Create(spec));
        Assert.True(table.Truncated);
        Assert.Equal(1 - TabulatedRateLaw.DefaultTailMass, exact.Cdf(table.Upper), 1e-12);
        Assert.Same(table, RateLawFactory.Create(spec with { })); // one table per law spec
    }

    [Fact]
    public void ConcurrentReadsGiveTheSequentialValues()
    {
        var law = RateLawFactory.Create(new TwoDimensionalLawSpec(new PowerSpec(0.5), new ParetoSpec(1, 3), 0.3));
        var rates = Enumerable.Range(1, 64).Select(i => i / 65.0).ToArray();
        var sequential = rates.Select(r => (law.Cdf(r), law.WeightBelow(r), law.ParetoWeight(r))).ToArray();
        var parallel = new (double, double, double)[rates.Length];
        Parallel.For(0, rates.Length, i => parallel[i] = (law.Cdf(rates[i]), law.WeightBelow(rates[i]), law.ParetoWeight(rates[i])));
        Assert.Equal(sequential, parallel);
    }
}
