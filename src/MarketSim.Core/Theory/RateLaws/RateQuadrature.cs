using MathNet.Numerics.Integration;
using MathNet.Numerics.RootFinding;

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>
/// The numerics shared by the rate laws: double-exponential (tanh-sinh) quadrature, which converges
/// fast even when the integrand blows up or has an infinite slope at an end (quantile functions of
/// Pareto or power laws), and quantiles by Brent root finding on a CDF.
/// </summary>
internal static class RateQuadrature
{
    /// <summary>Relative accuracy asked of each quadrature.</summary>
    public const double RelativeAccuracy = 1e-12;

    /// <summary>int_from^to f; 0 on an empty interval. f is never evaluated at the ends themselves.</summary>
    public static double Integrate(Func<double, double> integrand, double from, double to) =>
        to > from ? DoubleExponentialTransformation.Integrate(integrand, from, to, RelativeAccuracy) : 0;

    /// <summary>
    /// G^{-1}(q) = inf { r : G(r) &gt;= q } for a continuous increasing CDF on [lower, upper]; an
    /// infinite upper end is bracketed by doubling.
    /// </summary>
    public static double Quantile(Func<double, double> cdf, double probability, double lower, double upper)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), "A quantile needs a probability in (0, 1).");
        }

        var high = upper;
        if (double.IsPositiveInfinity(high))
        {
            high = Math.Max(1.0, 2 * Math.Abs(lower));
            for (var i = 0; i < 1100 && cdf(high) < probability; i++)
            {
                high *= 2;
            }
        }

        Func<double, double> gap = rate => cdf(rate) - probability;
        return Brent.TryFindRoot(gap, lower, high, 1e-14, 200, out var root)
            ? root
            : Bisection.FindRoot(gap, lower, high, 1e-14, 2000);
    }
}
