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
        Assert.IsType<TwoDimensionalRateLaw>(RateLawFactory.Create(new TwoDimensionalLawSpec(new PowerSpec(2), new ParetoSpec(1, 3), -0.3)));
        Assert.IsType<ParetoWeightRateLaw>(RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0, 1), [1])));
        Assert.Throws<ArgumentException>(() => RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ParetoSpec(1, 3), 1.5)));
    }

    [Fact]
    public void UnboundedGoodGivesAnInfiniteUpperRate()
    {
        var law = RateLawFactory.Create(new TwoDimensionalLawSpec(new LogNormalSpec(0, 1), new ParetoSpec(1, 3)));
        Assert.Equal(0, law.Lower);
        Assert.Equal(double.PositiveInfinity, law.Upper);
        Assert.Equal(0.999, law.Cdf(law.Quantile(0.999)), 1e-10);
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
