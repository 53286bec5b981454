using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Distributions;

/// <summary>Beta(a, b) on [0, 1] (<c>beta: { a, b }</c>); MathNet for CDF, density and quantile.</summary>
public sealed class BetaDistribution : IValueDistribution
{
    public BetaDistribution(double a, double b)
    {
        if (!(a > 0) || !double.IsFinite(a))
        {
            throw new ArgumentException("A beta law needs a finite a > 0.", nameof(a));
        }

        if (!(b > 0) || !double.IsFinite(b))
        {
            throw new ArgumentException("A beta law needs a finite b > 0.", nameof(b));
        }

        A = a;
        B = b;
        completeBeta = Math.Exp(SpecialFunctions.BetaLn(a, b));
    }

    private readonly double completeBeta; // B(a, b) = B(b, a)

    public double A { get; }
    public double B { get; }
    public double Lower => 0;
    public double Upper => 1;
    public double Mean => A / (A + B);
    public bool IsDegenerate => false;

    public double Cdf(double x) => x <= 0 ? 0 : x >= 1 ? 1 : Beta.CDF(A, B, x);

    public double Density(double x) => x < 0 || x > 1 ? 0 : Beta.PDF(A, B, x);

    /// <summary>
    /// Not MathNet's Beta.InvCDF: it stops at an absolute accuracy of 1e-12, returns 0 in the far
    /// lower tail (e.g. p = 1e-9 for a = 1/2), which would give v^M = 0, and allocates a closure per
    /// call (~100 bytes and ~3.6 us per draw, measured). The quantile is solved in the tail nearer to
    /// it (I_{1-x}(b, a) = 1 - I_x(a, b)), started from the small-x asymptote
    /// I_x(a, b) ~ x^a / (a B(a, b)), by Newton steps on MathNet's I_x safeguarded by bisection.
    /// </summary>
    public double InverseCdf(double probability) =>
        probability <= 0.5 ? LowerTailQuantile(A, B, probability) : 1 - LowerTailQuantile(B, A, 1 - probability);

    private double LowerTailQuantile(double a, double b, double probability)
    {
        var x = Math.Clamp(Math.Pow(probability * a * completeBeta, 1 / a), double.Epsilon, 0.999);
        double low = 0, high = 1;
        for (var i = 0; i < 100; i++)
        {
            var gap = SpecialFunctions.BetaRegularized(a, b, x) - probability;
            if (gap == 0)
            {
                return x;
            }

            if (gap > 0)
            {
                high = x;
            }
            else
            {
                low = x;
            }

            var next = x - gap / Beta.PDF(a, b, x);
            if (!(next > low && next < high))
            {
                next = low > 0 ? Math.Sqrt(low * high) : 0.5 * high; // bisect (geometrically near 0)
            }

            if (Math.Abs(next - x) <= 1e-15 * x)
            {
                return next;
            }

            x = next;
        }

        return x;
    }

    // E[X 1{X <= t}] = E[X] I_t(a + 1, b), so E[(t - X)^+] = t I_t(a, b) - E[X] I_t(a + 1, b).
    public double LowerPartialExpectation(double threshold) =>
        threshold <= 0 ? 0
        : threshold >= 1 ? threshold - Mean
        : threshold * SpecialFunctions.BetaRegularized(A, B, threshold)
          - Mean * SpecialFunctions.BetaRegularized(A + 1, B, threshold);

    public double UpperPartialExpectation(double threshold) =>
        threshold >= 1 ? 0
        : threshold <= 0 ? Mean - threshold
        : Mean * (1 - SpecialFunctions.BetaRegularized(A + 1, B, threshold))
          - threshold * (1 - SpecialFunctions.BetaRegularized(A, B, threshold));

    // E[X^k] = prod_{i<k} (a + i) / (a + b + i).
    public double RawMoment(int order)
    {
        var moment = 1.0;
        for (var i = 0; i < order; i++)
        {
            moment *= (A + i) / (A + B + i);
        }

        return moment;
    }
}
