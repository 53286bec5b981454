using MarketSim.Core.Metrics;

namespace MarketSim.Core.Replications;

/// <summary>
/// One line of summary.csv: a metric of a mechanism over all replications, with the continuum value
/// where the theory gives one (<see cref="Theory"/>) and the exact expectation at the scenario's
/// population size where it is known (<see cref="TheoryFinite"/>, docs/theory.md §2).
/// </summary>
public sealed record SummaryRow(string Mechanism, string Metric, SummaryStatistics Statistics, double? Theory, double? TheoryFinite = null);
