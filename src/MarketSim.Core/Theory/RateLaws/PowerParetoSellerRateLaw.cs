using MathNet.Numerics.RootFinding;

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>
/// The seller law of 000 Section 7 in closed form: v^K has CDF v^beta on [0,1], v^M ~ Pareto(scale 1,
/// shape alpha), independent, alpha &gt; 1. So r = v^K / v^M lies in [0,1].
/// </summary>
/// <remarks>
/// Conditioning on v^M = m = e^s, every quantity is an integral over s in [0, u], u = -ln r, of an
/// exponential e^{c s} (see <see cref="ExponentialIntegral"/>):
/// G(r) = alpha r^beta I(beta-alpha, u) + r^alpha,
/// g(r) = alpha beta r^{beta-1} I(beta-alpha, u),
/// WeightBelow(r) = alpha r^beta I(beta-alpha+1, u) + alpha r^{alpha-1}/(alpha-1),
/// lambda(r) = I(beta-alpha+1, u) / I(beta-alpha, u)  (docs/theory.md §1.4's lambdabar_S times Lambda_S),
/// SellerSurplus(p) = alpha p^{beta+1}/(beta+1) I(beta+1-alpha, u) + p^alpha (alpha/(alpha-1) - beta/(beta+1)),
/// BuyerSurplus(p) = SellerSurplus(p) - p Lambda + E[v^K]  (because (p v^M - v^K)^+ - (v^K - p v^M)^+ = p v^M - v^K).
/// I(c, u) is evaluated as e^{max(c,0) u} times a bounded factor, so the boundary cases beta = alpha and
/// beta = alpha - 1 (c = 0) and tiny rates (density blowing up for beta &lt; 1) are exact to rounding.
/// </remarks>
public sealed class PowerParetoSellerRateLaw : IRateLaw
{
    private const double QuantileAccuracy = 1e-14;

    public PowerParetoSellerRateLaw(double moneyParetoShape, double goodPowerExponent)
    {
        if (!(moneyParetoShape > 1.0) || double.IsInfinity(moneyParetoShape))
            throw new ArgumentOutOfRangeException(nameof(moneyParetoShape), "the Pareto shape alpha must be finite and > 1");
        if (!(goodPowerExponent > 0.0) || double.IsInfinity(goodPowerExponent))
            throw new ArgumentOutOfRangeException(nameof(goodPowerExponent), "the power beta must be finite and > 0");
        MoneyParetoShape = moneyParetoShape;
        GoodPowerExponent = goodPowerExponent;
    }

    /// <summary>alpha: v^M ~ Pareto(1, alpha).</summary>
    public double MoneyParetoShape { get; }

    /// <summary>beta: P(v^K &lt;= v) = v^beta.</summary>
    public double GoodPowerExponent { get; }

    public double Lower => 0.0;

    public double Upper => 1.0;

    /// <summary>Lambda_S = E[v^M] = alpha/(alpha-1) (docs/theory.md §1.4).</summary>
    public double MeanParetoWeight => MoneyParetoShape / (MoneyParetoShape - 1.0);

    /// <summary>E[v^K] = beta/(beta+1).</summary>
    public double MeanGoodValue => GoodPowerExponent / (GoodPowerExponent + 1.0);

    public double Cdf(double rate)
    {
        if (rate <= 0.0) return 0.0;
        if (rate >= 1.0) return 1.0;
        double alpha = MoneyParetoShape, beta = GoodPowerExponent, u = -Math.Log(rate);
        double factor = ExponentialIntegral(beta - alpha, u, out double growth);
        return alpha * Math.Exp((growth - beta) * u) * factor + Math.Exp(-alpha * u);
    }

    public double Density(double rate)
    {
        double alpha = MoneyParetoShape, beta = GoodPowerExponent;
        if (rate <= 0.0) return Math.Min(alpha, beta) < 1.0 ? double.PositiveInfinity : Math.Min(alpha, beta) > 1.0 ? 0.0 : DensityAtZeroForUnitExponent();
        if (rate >= 1.0) return 0.0;
        double u = -Math.Log(rate);
        double factor = ExponentialIntegral(beta - alpha, u, out double growth);
        return alpha * beta * Math.Exp((growth - beta + 1.0) * u) * factor;
    }

    public double Quantile(double probability)
    {
        if (probability <= 0.0) return 0.0;
        if (probability >= 1.0) return 1.0;
        // Solve in u = -ln r so that tiny quantiles keep full relative accuracy.
        double upper = 1.0;
        while (Cdf(Math.Exp(-upper)) > probability && upper < 700.0) upper *= 2.0;
        // Log scale: MathNet's Brent stops on |f| < accuracy, so f must be relative for tiny probabilities.
        double target = Math.Log(probability);
        double u = Brent.FindRoot(s => Math.Log(Cdf(Math.Exp(-s))) - target, 0.0, upper, QuantileAccuracy, 200);
        return Math.Exp(-u);
    }

    public double ParetoWeight(double rate)
    {
        double alpha = MoneyParetoShape, beta = GoodPowerExponent;
        if (rate <= 0.0)
            return beta < alpha - 1.0 ? (alpha - beta) / (alpha - beta - 1.0) : double.PositiveInfinity;
        if (rate >= 1.0) return 1.0;
        double u = -Math.Log(rate);
        double numerator = ExponentialIntegral(beta - alpha + 1.0, u, out double growthNumerator);
        double denominator = ExponentialIntegral(beta - alpha, u, out double growthDenominator);
        return Math.Exp((growthNumerator - growthDenominator) * u) * numerator / denominator;
    }

    public double WeightBelow(double rate)
    {
        if (rate <= 0.0) return 0.0;
        if (rate >= 1.0) return MeanParetoWeight;
        double alpha = MoneyParetoShape, beta = GoodPowerExponent, u = -Math.Log(rate);
        double factor = ExponentialIntegral(beta - alpha + 1.0, u, out double growth);
        return alpha * Math.Exp((growth - beta) * u) * factor + alpha / (alpha - 1.0) * Math.Exp(-(alpha - 1.0) * u);
    }

    public double SellerSurplus(double price)
    {
        if (price <= 0.0) return 0.0;
        if (price >= 1.0) return price * MeanParetoWeight - MeanGoodValue;
        double alpha = MoneyParetoShape, beta = GoodPowerExponent, u = -Math.Log(price);
        double factor = ExponentialIntegral(beta + 1.0 - alpha, u, out double growth);
        return alpha / (beta + 1.0) * Math.Exp((growth - beta - 1.0) * u) * factor
               + Math.Exp(-alpha * u) * (MeanParetoWeight - MeanGoodValue);
    }

    public double BuyerSurplus(double price) => SellerSurplus(price) - price * MeanParetoWeight + MeanGoodValue;

    /// <summary>
    /// I(c, u) = int_0^u e^{c s} ds = e^{growth u} * (returned factor), growth = max(c, 0), factor in (0, u]:
    /// no overflow for large u and no cancellation for c near 0.
    /// </summary>
    internal static double ExponentialIntegral(double exponent, double u, out double growth)
    {
        growth = Math.Max(exponent, 0.0);
        if (exponent == 0.0) return u;
        double magnitude = Math.Abs(exponent);
        return -ExpMinusOne(-magnitude * u) / magnitude;
    }

    /// <summary>e^x - 1 to a few ulps (Kahan's trick). MathNet's Expm1 (5.0.0) truncates a series and loses
    /// about 1e-8 relative accuracy near |x| = 0.1, which is visible in lambda near r = 1.</summary>
    internal static double ExpMinusOne(double x)
    {
        double e = Math.Exp(x);
        if (e == 1.0) return x;
        double em1 = e - 1.0;
        if (em1 == -1.0) return -1.0;
        return em1 * x / Math.Log(e);
    }

    // g(r) -> alpha beta int_0^u e^{(beta-alpha)s} ds * r^{beta-1}: with min(alpha,beta) = 1 the limit is finite.
    private double DensityAtZeroForUnitExponent()
    {
        double alpha = MoneyParetoShape, beta = GoodPowerExponent;
        if (alpha == beta) return double.PositiveInfinity; // r^0 * u -> infinity
        return alpha * beta / Math.Abs(beta - alpha);
    }
}
