using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Messages;

/// <summary>Population clearinghouse -> replication join: one mechanism's metrics for one replication.</summary>
public sealed record PopulationResult(int Replication, MechanismMetrics Metrics);
