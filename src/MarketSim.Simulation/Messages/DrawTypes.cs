namespace MarketSim.Simulation.Messages;

/// <summary>Clearinghouse -> trader cohort: draw your agents' types for this replication (docs/theory.md §6).</summary>
public sealed record DrawTypes(int Replication);
