using MarketSim.Core.Metrics;

namespace MarketSim.Core.Replications;

/// <summary>One line of summary.csv: a metric of a mechanism over all replications, with the continuum value where the theory gives one.</summary>
public sealed record SummaryRow(string Mechanism, string Metric, SummaryStatistics Statistics, double? Theory);
