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

        // docs/theory.md §1.4: Lambda_S = alpha/(alpha-1) and
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

            // Measured: |G - exact| <= 6e-12, WeightBelow 1e-10 relative.
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

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(-0.7)]
    public void LogNormalPairUnderTheGaussianCopulaMatchesTheNormalLawOfLogR(double rho)
    {
        // ln v^K = muK + sK z1, ln v^M = muM + sM z2, corr(z1, z2) = rho, so X = ln R is normal with
        // mean muK - muM, variance sK^2 + sM^2 - 2 rho sK sM, and Cov(X, ln v^M) = rho sK sM - sM^2.
        const double muK = 0.1, sK = 0.6, muM = -0.2, sM = 0.4;
        var law = new TwoDimensionalRateLaw(new LogNormalDistribution(muK, sK), new LogNormalDistribution(muM, sM), rho);
        var meanX = muK - muM;
        var sdX = Math.Sqrt(sK * sK + sM * sM - 2 * rho * sK * sM);
        var covariance = rho * sK * sM - sM * sM;
        var meanGood = Math.Exp(muK + sK * sK / 2);
        var meanMoney = Math.Exp(muM + sM * sM / 2);
        foreach (var r in new[] { 0.4, 1.0, 1.3, 3.0 })
        {
            var x = Math.Log(r);
            Assert.Equal(Phi((x - meanX) / sdX), law.Cdf(r), 1e-9);

            // E[v^M 1{X <= x}] = E[v^M] Phi((x - meanX - Cov)/sdX) (shift of measure).
            Assert.Equal(meanMoney * Phi((x - meanX - covariance) / sdX), law.WeightBelow(r), 1e-9);

            // lambda(r) = E[v^M | X = x]: ln v^M | X ~ N(muM + Cov (x - meanX)/sdX^2, sM^2 - Cov^2/sdX^2).
            var conditionalMean = muM + covariance * (x - meanX) / (sdX * sdX);
            var conditionalVariance = sM * sM - covariance * covariance / (sdX * sdX);
            Assert.Equal(Math.Exp(conditionalMean + conditionalVariance / 2), law.ParetoWeight(r), 1e-8);

            // Margrabe: E[(r v^M - v^K)^+] = r E[v^M] Phi(d1) - E[v^K] Phi(d2), d1 = (ln(r E v^M / E v^K) + sdX^2/2)/sdX.
            var d1 = (Math.Log(r * meanMoney / meanGood) + sdX * sdX / 2) / sdX;
            var seller = r * meanMoney * Phi(d1) - meanGood * Phi(d1 - sdX);
            Assert.Equal(seller, law.SellerSurplus(r), 1e-8);
            Assert.Equal(seller + meanGood - r * meanMoney, law.BuyerSurplus(r), 1e-8);
        }
    }

    private static double Phi(double z) => MathNet.Numerics.Distributions.Normal.CDF(0, 1, z);

    private static TwoDimensionalRateLaw SectionSeven(double alpha, double beta) =>
        new(new PowerDistribution(beta), new ParetoDistribution(1, alpha));
}
