using MarketSim.Core.Distributions;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Tests.Theory.RateLaws;

/// <summary>
/// The quadrature rate law against closed forms: constant money (any copula) and 000 Section 7
/// (v^K with CDF v^beta, independent v^M ~ Pareto(1, alpha)).
/// </summary>
public class TwoDimensionalRateLawExactCasesTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    public void AgreesWithTheConstantMoneyLawOnTheSameLaw(double rho)
    {
        foreach (IValueDistribution good in new IValueDistribution[] { new UniformDistribution(0, 1), new PowerDistribution(0.5), new BetaDistribution(2, 3) })
        {
            var exact = new ConstantMoneyRateLaw(good, 2);
            var quadrature = new TwoDimensionalRateLaw(good, new ConstantDistribution(2), rho);
            Assert.Equal(exact.Lower, quadrature.Lower);
            Assert.Equal(exact.Upper, quadrature.Upper);
            foreach (var r in new[] { 0.01, 0.1, 0.25, 0.4, 0.49 })
            {
                Assert.Equal(exact.Cdf(r), quadrature.Cdf(r), 1e-7);
                Assert.Equal(exact.Density(r), quadrature.Density(r), 1e-7 * exact.Density(r));
                Assert.Equal(exact.ParetoWeight(r), quadrature.ParetoWeight(r), 1e-7);
                Assert.Equal(exact.WeightBelow(r), quadrature.WeightBelow(r), 1e-7);
                Assert.Equal(exact.SellerSurplus(r), quadrature.SellerSurplus(r), 1e-7);
                Assert.Equal(exact.BuyerSurplus(r), quadrature.BuyerSurplus(r), 1e-7);
            }

            foreach (var q in new[] { 0.001, 0.3, 0.9 })
            {
                Assert.Equal(exact.Quantile(q), quadrature.Quantile(q), 1e-7);
            }
        }
    }

    [Theory]
    [InlineData(3.0, 1.0)]
    [InlineData(2.5, 0.5)]
    [InlineData(4.0, 2.0)]
    public void SectionSevenParetoWeightsMatchThePaper(double alpha, double beta)
    {
        var law = SectionSeven(alpha, beta);

        // SPEC 1.4: Lambda_S = alpha/(alpha-1) and
        // lambdabar_S(r) = [(alpha-beta)(alpha-1)/(alpha(alpha-beta-1))] (r^{beta+1} - r^alpha)/(r (r^beta - r^alpha)).
        Assert.Equal(alpha / (alpha - 1), law.MeanParetoWeight, 1e-14);
        foreach (var r in new[] { 0.05, 0.2, 0.5, 0.8, 0.95 })
        {
            var normalised = (alpha - beta) * (alpha - 1) / (alpha * (alpha - beta - 1))
                             * (Math.Pow(r, beta + 1) - Math.Pow(r, alpha)) / (r * (Math.Pow(r, beta) - Math.Pow(r, alpha)));
            Assert.Equal(normalised, law.ParetoWeight(r) / law.MeanParetoWeight, 1e-9);
        }
    }

    [Theory]
    [InlineData(3.0, 1.0)]
    [InlineData(2.5, 0.5)]
    public void SectionSevenLawOfTheRateMatchesItsClosedForm(double alpha, double beta)
    {
        var law = SectionSeven(alpha, beta);
        Assert.Equal(0, law.Lower);
        Assert.Equal(1, law.Upper);
        foreach (var r in new[] { 1e-4, 0.05, 0.2, 0.5, 0.8, 0.999 })
        {
            // G(r) = P(v^K <= r v^M) = (alpha r^beta - beta r^alpha)/(alpha - beta) on [0, 1];
            // E[v^M 1{R <= r}] = alpha r^beta (r^{alpha-beta-1} - 1)/(beta-alpha+1) + alpha r^{alpha-1}/(alpha-1).
            var cdf = (alpha * Math.Pow(r, beta) - beta * Math.Pow(r, alpha)) / (alpha - beta);
            var density = alpha * beta * (Math.Pow(r, beta - 1) - Math.Pow(r, alpha - 1)) / (alpha - beta);
            var weightBelow = alpha * Math.Pow(r, beta) * (Math.Pow(r, alpha - beta - 1) - 1) / (beta - alpha + 1)
                              + alpha * Math.Pow(r, alpha - 1) / (alpha - 1);

            // Measured: |G - exact| ~ 1e-16, density and weights ~ 1e-14 relative.
            Assert.Equal(cdf, law.Cdf(r), 1e-10);
            Assert.Equal(density, law.Density(r), 1e-9 * density);
            Assert.Equal(weightBelow, law.WeightBelow(r), 1e-10);
            Assert.Equal(r, law.Quantile(cdf), 1e-9);
        }
    }

    [Fact]
    public void SurplusesIntegrateTheWeightBelowAndSatisfyTheParityIdentity()
    {
        var law = SectionSeven(3, 1);
        foreach (var p in new[] { 0.1, 0.4, 0.9 })
        {
            // d SellerSurplus / dp = WeightBelow(p) = E[v^M 1{R <= p}].
            var h = 1e-5;
            Assert.Equal(law.WeightBelow(p), (law.SellerSurplus(p + h) - law.SellerSurplus(p - h)) / (2 * h), 1e-8);

            // (v^K - p v^M)^+ - (p v^M - v^K)^+ = v^K - p v^M.
            Assert.Equal(law.Good.Mean - p * law.MeanParetoWeight, law.BuyerSurplus(p) - law.SellerSurplus(p), 1e-10);
        }

        Assert.Equal(0, law.SellerSurplus(0));
        Assert.Equal(1.5 - 0.5, law.SellerSurplus(1), 1e-12); // all sell: p Lambda - E[v^K] = 3/2 - 1/2
    }

    private static TwoDimensionalRateLaw SectionSeven(double alpha, double beta) =>
        new(new PowerDistribution(beta), new ParetoDistribution(1, alpha));
}
