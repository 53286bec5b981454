namespace MarketSim.Core.Metrics;

/// <summary>Monte Carlo summary of one metric (docs/theory.md §5): mean, sd, se, 95% CI, n.</summary>
public sealed record SummaryStatistics(
    double Mean,
    double StandardDeviation,
    double StandardError,
    double ConfidenceLow,
    double ConfidenceHigh,
    int Count);
