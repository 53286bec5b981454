using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Tests.Theory.RateLaws;

/// <summary>The Pareto-weight form (001 Theorem 8): G is the rate law, lambda the polynomial.</summary>
public class ParetoWeightRateLawTests
{
    [Fact]
    public void WeightedIntegralsMatchClosedFormsForAPowerRate()
    {
        // r with CDF r^beta on [0,1], lambda = c0 + c1 r:
        // E[lambda 1{R <= r}] = c0 r^beta + c1 beta r^{beta+1}/(beta+1);
        // E[lambda (p - R)^+] = c0 p^{beta+1}/(beta+1) + c1 beta p^{beta+2} / ((beta+1)(beta+2)).
        const double beta = 0.5, c0 = 0.5, c1 = 3;
        var law = new ParetoWeightRateLaw(new PowerDistribution(beta), new WeightPolynomial([c0, c1]));
        Assert.Equal(c0 + c1 * beta / (beta + 1), law.MeanParetoWeight, 1e-14);
        foreach (var r in new[] { 0.01, 0.3, 0.7, 0.99 })
        {
            Assert.Equal(c0 + c1 * r, law.ParetoWeight(r), 1e-15);
            Assert.Equal(c0 * Math.Pow(r, beta) + c1 * beta * Math.Pow(r, beta + 1) / (beta + 1), law.WeightBelow(r), 1e-12);
            var seller = c0 * Math.Pow(r, beta + 1) / (beta + 1) + c1 * beta * Math.Pow(r, beta + 2) / ((beta + 1) * (beta + 2));
            Assert.Equal(seller, law.SellerSurplus(r), 1e-12);

            // E[lambda (R - p)] = E[v^K] - p Lambda, with E[v^K] = E[R lambda(R)].
            var meanGood = c0 * beta / (beta + 1) + c1 * beta / (beta + 2);
            Assert.Equal(meanGood - r * law.MeanParetoWeight, law.BuyerSurplus(r) - law.SellerSurplus(r), 1e-12);
        }
    }

    [Fact]
    public void WeightBelowMatchesTheSampledTypesOfItsSideLaw()
    {
        var rate = new ParetoDistribution(0.5, 4);
        var weight = new WeightPolynomial([1, 0.5, 0.25]);
        var law = new ParetoWeightRateLaw(rate, weight);
        var sample = new RateLawMonteCarlo(new ParetoWeightLaw(rate, weight), 100_000, 41);
        foreach (var q in new[] { 0.2, 0.6, 0.95 })
        {
            var r = law.Quantile(q);
            sample.AssertMeanMatches(law.WeightBelow(r), (k, m) => k / m <= r ? m : 0, $"WeightBelow({r})");
            sample.AssertMeanMatches(law.SellerSurplus(r), (k, m) => Math.Max(r * m - k, 0), $"SellerSurplus({r})");
            sample.AssertMeanMatches(law.BuyerSurplus(r), (k, m) => Math.Max(k - r * m, 0), $"BuyerSurplus({r})");
        }

        sample.AssertMeanMatches(law.MeanParetoWeight, (_, m) => m, "Lambda");
    }

    [Fact]
    public void EmpiricalRatesUseExactSums()
    {
        double[] rates = [0.2, 0.5, 0.5, 0.9];
        var law = new ParetoWeightRateLaw(new EmpiricalDistribution(rates), new WeightPolynomial([1, 1]));
        Assert.Equal(rates.Average(r => 1 + r), law.MeanParetoWeight, 1e-15);
        Assert.Equal((1.2 + 1.5 + 1.5) / 4, law.WeightBelow(0.5), 1e-15);
        Assert.Equal(rates.Average(r => (1 + r) * Math.Max(0.6 - r, 0)), law.SellerSurplus(0.6), 1e-15);
        Assert.Equal(rates.Average(r => (1 + r) * Math.Max(r - 0.6, 0)), law.BuyerSurplus(0.6), 1e-15);
    }

    [Fact]
    public void FactoryBuildsItFromTheSpecAndRejectsNonPositiveWeights()
    {
        Assert.IsType<ParetoWeightRateLaw>(RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0, 1), [2, -1])));
        Assert.Throws<ArgumentException>(() => RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0, 3), [2, -1])));
    }
}
