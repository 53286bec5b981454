namespace MarketSim.Simulation.Messages;

/// <summary>Lane -> coordinator: a step of this replication threw; the run fails with it.</summary>
public sealed record ReplicationFailed(int Replication, Exception Cause);
