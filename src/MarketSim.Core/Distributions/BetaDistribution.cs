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
    }

    public double A { get; }
    public double B { get; }
    public double Lower => 0;
    public double Upper => 1;
    public double Mean => A / (A + B);
    public bool IsDegenerate => false;

    public double Cdf(double x) => x <= 0 ? 0 : x >= 1 ? 1 : Beta.CDF(A, B, x);

    public double Density(double x) => x < 0 || x > 1 ? 0 : Beta.PDF(A, B, x);

    public double InverseCdf(double probability) => Beta.InvCDF(A, B, probability);

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
