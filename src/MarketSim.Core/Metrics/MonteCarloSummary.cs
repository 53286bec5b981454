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
        // Two passes: the squared deviations from the mean do not cancel catastrophically.
        var summary = new TwoPassSummary();
        foreach (var value in values)
        {
            summary.AddToMean(value);
        }

        foreach (var value in values)
        {
            summary.AddToSpread(value);
        }

        return summary.Result();
    }
}
