namespace MarketSim.Core.Stress;

/// <summary>
/// One line of stress.csv: a metric of a mechanism at one population size (N_S = <c>Sellers</c>)
/// with its 95% interval and the number of replications (or observations) behind it. An interval
/// end that the data cannot bound (e.g. a 1% quantile from 40 replications) is -/+Infinity.
/// </summary>
public sealed record StressRow(
    string Mechanism, int Sellers, string Metric, double Value, double ConfidenceLow, double ConfidenceHigh, int Count);
