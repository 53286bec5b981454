namespace MarketSim.Core.Metrics;

/// <summary>Summarises replications of one metric.</summary>
public static class MonteCarloSummary
{
    public static SummaryStatistics Summarise(ReadOnlySpan<double> values) =>
        throw new NotImplementedException("filled by the metrics work");
}
