using MarketSim.Core.Mechanisms;

namespace MarketSim.Core.Replications;

/// <summary>The metrics of every mechanism in one replication, in scenario order.</summary>
public sealed record ReplicationResult(int Replication, IReadOnlyList<MechanismMetrics> Mechanisms);

/// <summary>One mechanism's metrics in one replication, in a fixed order.</summary>
public sealed record MechanismMetrics(string Mechanism, IReadOnlyList<MetricValue> Metrics);
