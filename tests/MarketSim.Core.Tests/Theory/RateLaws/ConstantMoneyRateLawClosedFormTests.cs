using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Tests.Theory.RateLaws;

/// <summary>docs/theory.md §1.4 uniform example (000 Section 2): v^K ~ U[0,1], v^M = m gives r ~ U[0, 1/m], lambda = m.</summary>
public class ConstantMoneyRateLawClosedFormTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(0.5)]
    public void UniformGoodWithConstantMoneyIsUniformOnZeroToOneOverM(double m)
    {
        var law = RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(m)));
        Assert.IsType<ConstantMoneyRateLaw>(law);
        Assert.Equal(0, law.Lower);
        Assert.Equal(1 / m, law.Upper, 1e-15);
        Assert.Equal(m, law.MeanParetoWeight);
        foreach (var r in new[] { 0.05 / m, 0.3 / m, 0.9 / m })
        {
            Assert.Equal(m * r, law.Cdf(r), 1e-15);
            Assert.Equal(m, law.Density(r), 1e-15);
            Assert.Equal(m, law.ParetoWeight(r));
            Assert.Equal(m * m * r, law.WeightBelow(r), 1e-14);

            // m E[(p - R)^+] = (m p)^2 / 2 and m E[(R - p)^+] = (1 - m p)^2 / 2 for R ~ U[0, 1/m].
            Assert.Equal(m * r * m * r / 2, law.SellerSurplus(r), 1e-15);
            Assert.Equal((1 - m * r) * (1 - m * r) / 2, law.BuyerSurplus(r), 1e-15);
        }

        Assert.Equal(0.25 / m, law.Quantile(0.25), 1e-15);
        Assert.Equal(2 - 0.5, law.SellerSurplus(2 / m), 1e-14); // beyond rbar everyone sells: m p - E[v^K]
        Assert.Equal(0, law.Cdf(-0.1));
        Assert.Equal(1, law.Cdf(2 / m));
    }

    [Fact]
    public void CompetitivePriceOfTheUniformExampleClearsTheMarket()
    {
        // docs/theory.md §1.4: mu = 1, buyers m = 1, sellers m = 3 -> p_CE = 1/(1+m) = 1/4 with 1 - G_B = G_S.
        var buyers = RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)));
        var sellers = RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(3)));
        Assert.Equal(1 - buyers.Cdf(0.25), sellers.Cdf(0.25), 1e-15);
        Assert.Equal(0.75, sellers.Cdf(0.25), 1e-15);
    }

    [Fact]
    public void PowerGoodSurplusesAreScaledPartialExpectations()
    {
        // v^K with CDF v^beta: E[(x - v^K)^+] = x^{beta+1}/(beta+1) on [0, 1].
        var law = new ConstantMoneyRateLaw(new PowerDistribution(0.5), 2);
        Assert.Equal(Math.Pow(0.6, 1.5) / 1.5, law.SellerSurplus(0.3), 1e-15);
        Assert.Equal(law.Good.Mean - 0.6 + Math.Pow(0.6, 1.5) / 1.5, law.BuyerSurplus(0.3), 1e-15);
        Assert.Equal(2 * Math.Sqrt(0.6), law.WeightBelow(0.3), 1e-15);
        Assert.Equal(0.3, law.Quantile(law.Cdf(0.3)), 1e-15);
    }
}
