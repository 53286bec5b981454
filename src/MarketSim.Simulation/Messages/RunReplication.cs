namespace MarketSim.Simulation.Messages;

/// <summary>
/// Coordinator -> lane -> clearinghouse: run one replication. The result (or the failure) goes back
/// to the sender, so a lane never needs to know who its coordinator is.
/// </summary>
public sealed record RunReplication(int Replication);
