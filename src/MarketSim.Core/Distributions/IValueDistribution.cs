using MathNet.Numerics.Integration;

namespace MarketSim.Core.Distributions;

/// <summary>
/// A univariate law of a value (v^K, v^M, or a rate r) as the scenario gives it. Sampling is by
/// inverse CDF from the keyed random streams (docs/theory.md §6), never from System.Random.
/// </summary>
public interface IValueDistribution
{
    /// <summary>Lower end of the support (may be 0).</summary>
    double Lower { get; }

    /// <summary>Upper end of the support (may be +infinity).</summary>
    double Upper { get; }

    double Mean { get; }

    /// <summary>P(X &lt;= x).</summary>
    double Cdf(double x);

    /// <summary>Density at x (0 outside the support; +infinity allowed at an end where it blows up).
    /// A point mass (constant) reports 0 everywhere.</summary>
    double Density(double x);

    /// <summary>The quantile function; probability in (0, 1).</summary>
    double InverseCdf(double probability);

    /// <summary>True for a point mass (constant), whose CDF is a step.</summary>
    bool IsDegenerate { get; }

    /// <summary>
    /// E[(t - X)^+] = int_{-inf}^t F(x) dx: a seller's gain from a sure sale when X is the cost
    /// (docs/theory.md §1.3, W_S). The built-in laws override this with closed forms; the default integrates
    /// t - Q(u) over u in (0, F(t)) by double-exponential quadrature.
    /// </summary>
    double LowerPartialExpectation(double threshold) =>
        QuantileIntegral(u => threshold - InverseCdf(u), 0, Cdf(threshold));

    /// <summary>E[(X - t)^+]; closed forms in the built-in laws, quantile quadrature by default.</summary>
    double UpperPartialExpectation(double threshold) =>
        QuantileIntegral(u => InverseCdf(u) - threshold, Cdf(threshold), 1);

    /// <summary>E[X^k] (+infinity when it does not exist); closed forms in the built-in laws.</summary>
    double RawMoment(int order) =>
        QuantileIntegral(u => Math.Pow(InverseCdf(u), order), 0, 1);

    private static double QuantileIntegral(Func<double, double> integrand, double from, double to) =>
        to <= from ? 0 : DoubleExponentialTransformation.Integrate(integrand, from, to, 1e-12);
}
