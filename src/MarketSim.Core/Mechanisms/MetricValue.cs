namespace MarketSim.Core.Mechanisms;

/// <summary>One named number of one replication (names snake_case, docs/theory.md §5).</summary>
public readonly record struct MetricValue(string Name, double Value);
