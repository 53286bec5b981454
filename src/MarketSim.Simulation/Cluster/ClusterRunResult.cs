using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Cluster;

/// <summary>
/// A distributed run's results, ordered as the replications to run (empty when the caller took each one as it arrived), with how the run went:
/// replications re-queued (their worker failed or left before reporting), reports dropped (late
/// duplicates, or from a slot the replication was not assigned to), and who contributed.
/// </summary>
public sealed record ClusterRunResult(
    IReadOnlyList<ReplicationResult> Results, int Requeued, int DuplicatesDropped, IReadOnlyList<WorkerContribution> Contributors);

/// <summary>One worker node's part in a run: its address, its version, replications it ran, of which re-runs.</summary>
public sealed record WorkerContribution(string Address, string ToolVersion, int Replications, int Reran);

/// <summary>One accepted replication, with the worker node that computed it (provenance, docs/cluster.md).</summary>
public sealed record ContributedReplication(ReplicationResult Result, string Worker, string ToolVersion, bool Rerun);
