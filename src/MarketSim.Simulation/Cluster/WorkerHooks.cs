using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Cluster;

/// <summary>
/// How a slot runs a replication and how many reports it sends. Always <see cref="Default"/>
/// (ReplicationRunner.Run, one report) in production; tests make a worker that takes work and never
/// reports (0 copies, a worker dying mid-replication) or reports twice (a late duplicate).
/// </summary>
internal sealed record WorkerHooks(
    Func<MarketModel, int, ReplicationWorkspace, ReplicationResult> Run,
    Func<ReplicationResult, int> Copies)
{
    public static WorkerHooks Default { get; } = new(ReplicationRunner.Run, _ => 1);
}
