using MarketSim.Core.Numerics;

namespace MarketSim.Core.Distributions;

/// <summary>
/// The empirical law of a list of values (<c>empirical: file.csv</c>): each value has mass 1/n.
/// Quantile sorted[ceil(u n) - 1], CDF = fraction &lt;= x, mean = sample mean. It has no density:
/// <see cref="Density"/> reports 0 (as for a point mass), so the continuum theory that needs g
/// is only approximate for empirical laws.
/// </summary>
public sealed class EmpiricalDistribution : IValueDistribution
{
    private readonly double[] sorted;
    private readonly double[] prefixSums; // prefixSums[k] = sum of the k smallest values

    public EmpiricalDistribution(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("An empirical law needs at least one value.", nameof(values));
        }

        sorted = new double[values.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Empirical value #{i + 1} is not finite.", nameof(values));
            }

            sorted[i] = values[i];
        }

        Array.Sort(sorted);
        prefixSums = new double[sorted.Length + 1];
        for (var i = 0; i < sorted.Length; i++)
        {
            prefixSums[i + 1] = prefixSums[i] + sorted[i];
        }
    }

    public int Count => sorted.Length;
    public double Lower => sorted[0];
    public double Upper => sorted[^1];
    public double Mean => prefixSums[^1] / sorted.Length;
    public bool IsDegenerate => sorted[0] == sorted[^1];

    public double Cdf(double x) => (double)CountAtMost(x) / sorted.Length;

    public double Density(double x) => 0;

    public double InverseCdf(double probability)
    {
        var index = (int)Math.Ceiling(probability * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    public double LowerPartialExpectation(double threshold)
    {
        var below = CountAtMost(threshold);
        return (below * threshold - prefixSums[below]) / sorted.Length;
    }

    public double UpperPartialExpectation(double threshold)
    {
        var below = CountAtMost(threshold);
        return (prefixSums[^1] - prefixSums[below] - (sorted.Length - below) * threshold) / sorted.Length;
    }

    public double RawMoment(int order)
    {
        var sum = 0.0;
        foreach (var value in sorted)
        {
            sum += Math.Pow(value, order);
        }

        return sum / sorted.Length;
    }

    /// <summary>Number of values &lt;= x.</summary>
    private int CountAtMost(double x) => SortedSearch.UpperBound(sorted, x);
}
