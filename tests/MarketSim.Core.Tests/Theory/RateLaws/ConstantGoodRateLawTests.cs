using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Tests.Theory.RateLaws;

/// <summary>v^K = k constant, v^M varying: r = k / v^M, lambda(r) = k / r exactly.</summary>
public class ConstantGoodRateLawTests
{
    [Fact]
    public void UniformMoneyGivesClosedForms()
    {
        // v^K = 1, v^M ~ U[1/2, 2]: G(r) = 1 - (1/r - 1/2)/(3/2), g = 1/(3/2 r^2),
        // E[v^M 1{v^M >= 1/r}] = (4 - 1/r^2)/3 on [1/2, 2].
        var law = RateLawFactory.Create(new TwoDimensionalLawSpec(new ConstantSpec(1), new UniformSpec(0.5, 2)));
        Assert.IsType<ConstantGoodRateLaw>(law);
        Assert.Equal(0.5, law.Lower);
        Assert.Equal(2, law.Upper);
        Assert.Equal(1.25, law.MeanParetoWeight);
        foreach (var r in new[] { 0.6, 1.0, 1.7 })
        {
            Assert.Equal(1 - (1 / r - 0.5) / 1.5, law.Cdf(r), 1e-15);
            Assert.Equal(1 / (1.5 * r * r), law.Density(r), 1e-15);
            Assert.Equal(1 / r, law.ParetoWeight(r), 1e-15);
            Assert.Equal((4 - 1 / (r * r)) / 3, law.WeightBelow(r), 1e-14);
            Assert.Equal(r, law.Quantile(law.Cdf(r)), 1e-14);
        }
    }

    [Fact]
    public void SurplusesMatchSampledTypes()
    {
        var money = new LogNormalDistribution(0, 0.5);
        var law = new ConstantGoodRateLaw(2, money);
        var sample = new RateLawMonteCarlo(new TwoDimensionalLaw(new ConstantDistribution(2), money), 100_000, 51);
        foreach (var p in new[] { 1.0, 2.0, 3.5 })
        {
            sample.AssertMeanMatches(law.Cdf(p), (k, m) => k <= p * m ? 1 : 0, $"G({p})");
            sample.AssertMeanMatches(law.WeightBelow(p), (k, m) => k <= p * m ? m : 0, $"WeightBelow({p})");
            sample.AssertMeanMatches(law.SellerSurplus(p), (k, m) => Math.Max(p * m - k, 0), $"SellerSurplus({p})");
            sample.AssertMeanMatches(law.BuyerSurplus(p), (k, m) => Math.Max(k - p * m, 0), $"BuyerSurplus({p})");
        }
    }
}
