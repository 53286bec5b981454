using MarketSim.Core.Theory.RateLaws;
using MathNet.Numerics;

namespace MarketSim.Core.Tests.Theory.PowerPareto;

/// <summary>
/// The closed forms of 000 Section 7's seller law against independent quadrature over v^K (the closed form
/// integrates over v^M): G(r) = int_0^1 P(v^M &gt;= v/r) beta v^{beta-1} dv, and likewise for E[v^M 1{r_i &lt;= r}]
/// and E[(p v^M - v^K)^+]. Quadrature in t = -ln v (smooth) by double-exponential rules to 1e-12.
/// Includes the boundary cases beta = alpha and beta = alpha - 1 and a density blowing up (beta &lt; 1).
/// </summary>
public sealed class PowerParetoSellerRateLawTests
{
    public static TheoryData<double, double> Parameters => new()
    {
        { 3.0, 0.5 }, { 3.0, 2.0 }, { 3.0, 3.0 }, { 2.0, 1.0 }, { 1.5, 4.0 }, { 5.0, 0.3 },
    };

    // int_0^1 f(v) beta v^{beta-1} dv with v = e^{-t}: int_0^inf f(e^{-t}) beta e^{-beta t} dt, split at the
    // kink v = r (t = -ln r) where the integrands switch branch.
    private static double OverGoodValue(double beta, double r, Func<double, double> f)
    {
        double Integrand(double t) => f(Math.Exp(-t)) * beta * Math.Exp(-beta * t);
        double kink = -Math.Log(r);
        return Integrate.DoubleExponential(Integrand, 0.0, kink, 1e-14)
               + Integrate.DoubleExponential(Integrand, kink, kink + 80.0 / beta, 1e-14);
    }

    [Theory]
    [MemberData(nameof(Parameters))]
    public void ClosedFormsMatchQuadratureOverTheGoodValue(double alpha, double beta)
    {
        var law = new PowerParetoSellerRateLaw(alpha, beta);
        double mean = alpha / (alpha - 1);
        foreach (double r in new[] { 1e-3, 0.05, 0.3, 0.7, 0.99 })
        {
            // P(M >= t) = min(1, t^{-alpha}); E[M 1{M >= t}] = mean * min(1, t^{1-alpha}).
            double cdf = OverGoodValue(beta, r, v => Math.Min(1.0, Math.Pow(v / r, -alpha)));
            double weightBelow = OverGoodValue(beta, r, v => mean * Math.Min(1.0, Math.Pow(v / r, 1 - alpha)));
            // E[(p M - v)^+] = p E[(M - t)^+], t = v/p: mean - t if t <= 1, t^{1-alpha}/(alpha-1) otherwise.
            double t(double v) => v / r;
            double sellerSurplus = OverGoodValue(beta, r, v => r * (t(v) <= 1 ? mean - t(v) : Math.Pow(t(v), 1 - alpha) / (alpha - 1)));
            Assert.Equal(cdf, law.Cdf(r), 10);
            Assert.Equal(weightBelow, law.WeightBelow(r), 10);
            Assert.Equal(sellerSurplus, law.SellerSurplus(r), 10);
            // (p M - V)^+ - (V - p M)^+ = p M - V.
            Assert.Equal(law.SellerSurplus(r) - r * mean + beta / (beta + 1), law.BuyerSurplus(r), 12);
        }
        Assert.Equal(mean, law.MeanParetoWeight, 14);
        Assert.Equal(beta / (beta + 1), law.BuyerSurplus(0.0), 14);
    }

    [Theory]
    [MemberData(nameof(Parameters))]
    public void DensityAndWeightAreDerivatives(double alpha, double beta)
    {
        var law = new PowerParetoSellerRateLaw(alpha, beta);
        foreach (double r in new[] { 0.02, 0.2, 0.5, 0.9 })
        {
            double h = 1e-6 * r; // central differences: error O(h^2) ~ 1e-12 relative, rounding ~1e-10
            double density = (law.Cdf(r + h) - law.Cdf(r - h)) / (2 * h);
            double weightDensity = (law.WeightBelow(r + h) - law.WeightBelow(r - h)) / (2 * h);
            Assert.Equal(density, law.Density(r), 1e-6 * Math.Max(1.0, density));
            Assert.Equal(weightDensity, law.ParetoWeight(r) * law.Density(r), 1e-6 * Math.Max(1.0, weightDensity));
        }
    }

    [Theory]
    [InlineData(3.0, 0.5)]
    [InlineData(2.5, 1.2)]
    [InlineData(4.0, 1.0)]
    public void NormalisedWeightIsSpecFormula(double alpha, double beta)
    {
        // docs/theory.md §1.4: lambdabar_S(r) = [(a-b)(a-1)/(a(a-b-1))] (r^{b+1} - r^a)/(r (r^b - r^a)).
        var law = new PowerParetoSellerRateLaw(alpha, beta);
        foreach (double r in new[] { 1e-4, 0.1, 0.5, 0.95 })
        {
            double expected = (alpha - beta) * (alpha - 1) / (alpha * (alpha - beta - 1))
                              * (Math.Pow(r, beta + 1) - Math.Pow(r, alpha)) / (r * (Math.Pow(r, beta) - Math.Pow(r, alpha)));
            Assert.Equal(expected, law.ParetoWeight(r) / law.MeanParetoWeight, 10);
        }
    }

    [Theory]
    [InlineData(3.0, 0.3)]
    [InlineData(3.0, 4.0)]
    [InlineData(2.0, 1.0)]
    public void QuantileInvertsCdfDownToTinyProbabilities(double alpha, double beta)
    {
        var law = new PowerParetoSellerRateLaw(alpha, beta);
        foreach (double q in new[] { 1e-12, 1e-6, 0.01, 0.5, 0.999999 })
            Assert.Equal(1.0, law.Cdf(law.Quantile(q)) / q, 9);
    }

    [Theory]
    [InlineData(3.0, 3.0)]
    [InlineData(3.0, 2.0)]
    public void BoundaryExponentsAreContinuous(double alpha, double beta)
    {
        // beta = alpha and beta = alpha - 1 make an exponent vanish: the closed form must stay continuous.
        var exact = new PowerParetoSellerRateLaw(alpha, beta);
        var nearby = new PowerParetoSellerRateLaw(alpha, beta + 1e-7);
        foreach (double r in new[] { 1e-3, 0.2, 0.8 })
        {
            Assert.Equal(nearby.Cdf(r), exact.Cdf(r), 6);
            Assert.Equal(nearby.WeightBelow(r), exact.WeightBelow(r), 6);
            // lambda ~ r^{alpha-1-beta} can be large: d ln lambda / d beta ~ ln(1/r), so compare relatively.
            Assert.Equal(1.0, nearby.ParetoWeight(r) / exact.ParetoWeight(r), 5);
            Assert.Equal(nearby.SellerSurplus(r), exact.SellerSurplus(r), 6);
        }
    }
}
