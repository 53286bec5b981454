using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Running;

/// <summary>
/// The two core calls a lane makes after drawing: clear, then measure. Always
/// <see cref="Default"/> (ReplicationRunner) in production; a seam only so tests can make a
/// replication throw (MarketModel builds its mechanisms from specs, and Core stays untouched).
/// </summary>
internal sealed record ReplicationSteps(
    Action<MarketModel, int, ReplicationWorkspace> ClearAll,
    Func<MarketModel, int, ReplicationWorkspace, ReplicationResult> Measure)
{
    public static ReplicationSteps Default { get; } = new(ReplicationRunner.ClearAll, ReplicationRunner.Measure);
}
