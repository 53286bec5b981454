namespace MarketSim.Core.Mechanisms;

/// <summary>One named number of one replication (names snake_case, SPEC 5).</summary>
public readonly record struct MetricValue(string Name, double Value);
