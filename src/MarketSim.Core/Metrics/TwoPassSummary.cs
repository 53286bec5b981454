using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Metrics;

/// <summary>
/// <see cref="MonteCarloSummary.Summarise"/> fed one value at a time, so that a run's replications can be
/// summarised from disk without holding them (docs/theory.md §5): the first pass adds every value to the
/// sum, the second (same values, same order) adds the squared deviations from the mean. The operations
/// are exactly those of <see cref="MonteCarloSummary.Summarise"/>, in the same order, so the result is
/// bit for bit the same.
/// </summary>
public sealed class TwoPassSummary
{
    private int count;
    private double sum;
    private double squares;
    private bool secondPass;

    /// <summary>First pass: one value (a NaN or infinity is skipped, as in <see cref="MonteCarloSummary.Summarise"/>).</summary>
    public void AddToMean(double value)
    {
        if (secondPass)
        {
            throw new InvalidOperationException("the first pass is over: values go to AddToSpread now");
        }

        if (double.IsFinite(value))
        {
            count++;
            sum += value;
        }
    }

    /// <summary>Second pass: the same values again, in the same order.</summary>
    public void AddToSpread(double value)
    {
        secondPass = true;
        if (double.IsFinite(value))
        {
            var mean = sum / count;
            squares += (value - mean) * (value - mean);
        }
    }

    /// <summary>Mean, sample standard deviation, standard error and the Student-t 95% interval of the finite values.</summary>
    public SummaryStatistics Result()
    {
        if (count == 0)
        {
            return new SummaryStatistics(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        var mean = sum / count;
        if (count == 1)
        {
            return new SummaryStatistics(mean, double.NaN, double.NaN, mean, mean, 1);
        }

        var standardDeviation = Math.Sqrt(squares / (count - 1));
        var standardError = standardDeviation / Math.Sqrt(count);
        var halfWidth = StudentT.InvCDF(0, 1, count - 1, 0.975) * standardError;
        return new SummaryStatistics(
            mean, standardDeviation, standardError, mean - halfWidth, mean + halfWidth, count);
    }
}
