namespace MarketSim.Core.Metrics;

/// <summary>
/// The competitive equilibrium on the same draws, against which a mechanism's efficiency and
/// paired welfare difference are measured (docs/theory.md §5). Totals, not per seller.
/// </summary>
public readonly record struct ReferenceOutcome(double TotalWelfare, double TotalGainsFromTrade);
