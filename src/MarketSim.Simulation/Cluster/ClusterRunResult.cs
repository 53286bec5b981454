using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Cluster;

/// <summary>
/// A distributed run's results, ordered by replication, with how the run went: replications
/// re-queued because their worker left before reporting, and late duplicate reports that were dropped.
/// </summary>
public sealed record ClusterRunResult(IReadOnlyList<ReplicationResult> Results, int Requeued, int DuplicatesDropped);
