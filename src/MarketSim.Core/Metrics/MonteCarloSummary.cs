using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Metrics;

/// <summary>Summarises replications of one metric (docs/theory.md §5).</summary>
public static class MonteCarloSummary
{
    /// <summary>
    /// Mean, sample standard deviation (n - 1), standard error sd / sqrt(n) and the Student-t 95%
    /// interval mean +- t_{0.975, n-1} se, over the FINITE values only: a NaN (an undefined ratio in
    /// some replication, e.g. a mean price without trade) is skipped and <c>Count</c> says how many
    /// values were used. n = 1: sd and se NaN, interval [mean, mean]; n = 0: everything NaN.
    /// </summary>
    public static SummaryStatistics Summarise(ReadOnlySpan<double> values)
    {
        var count = 0;
        double sum = 0;
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                count++;
                sum += value;
            }
        }

        if (count == 0)
        {
            return new SummaryStatistics(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        var mean = sum / count;
        if (count == 1)
        {
            return new SummaryStatistics(mean, double.NaN, double.NaN, mean, mean, 1);
        }

        // Two passes: the squared deviations from the mean do not cancel catastrophically.
        double squares = 0;
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                squares += (value - mean) * (value - mean);
            }
        }

        var standardDeviation = Math.Sqrt(squares / (count - 1));
        var standardError = standardDeviation / Math.Sqrt(count);
        var halfWidth = StudentT.InvCDF(0, 1, count - 1, 0.975) * standardError;
        return new SummaryStatistics(
            mean, standardDeviation, standardError, mean - halfWidth, mean + halfWidth, count);
    }
}
