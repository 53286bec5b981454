namespace MarketSim.Simulation.Running;

/// <summary>A replication threw (a mechanism, the sampler, the metrics); the run stopped.</summary>
public sealed class ReplicationFailedException : Exception
{
    public ReplicationFailedException(int replication, Exception inner)
        : base($"replication {replication} failed: {inner.Message}", inner)
    {
        Replication = replication;
    }

    /// <summary>The replication index (0-based) that failed.</summary>
    public int Replication { get; }
}
