using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Stress;

/// <summary>
/// The q-quantile of a sample and its distribution-free interval from order statistics.
/// Estimate: the inverse empirical CDF, x_(ceil(q n)) (so at most a fraction 1 - q of the sample
/// lies strictly above it: the property the safety margin needs). Interval: the number of sample
/// points below the true quantile is Binomial(n, q), so [x_(l), x_(u)] with
/// l = max{j : P(B &lt;= j - 1) &lt;= a/2}, u = min{j : P(B &lt;= j - 1) &gt;= 1 - a/2} covers it with
/// probability >= 1 - a for a continuous law; a rank outside 1..n gives -/+Infinity.
/// </summary>
public static class SampleQuantile
{
    /// <summary>Estimate and interval from a sample sorted ascending (finite values).</summary>
    public static (double Value, double Low, double High) Of(ReadOnlySpan<double> sorted, double q, double level = 0.95)
    {
        var n = sorted.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (!(q > 0 && q < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "the quantile level must lie in (0, 1)");
        }

        var rank = Math.Clamp((int)Math.Ceiling(q * n - 1e-12), 1, n);
        var tail = (1 - level) / 2;
        var low = 0;
        var high = n + 1;
        for (var j = 1; j <= n + 1; j++)
        {
            // P(B <= j - 1) for B ~ Binomial(n, q).
            var below = Binomial.CDF(q, n, j - 1);
            if (below <= tail)
            {
                low = j;
            }

            if (below >= 1 - tail)
            {
                high = j;
                break;
            }
        }

        return (
            sorted[rank - 1],
            low >= 1 ? sorted[low - 1] : double.NegativeInfinity,
            high <= n ? sorted[high - 1] : double.PositiveInfinity);
    }
}
