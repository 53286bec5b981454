namespace MarketSim.Simulation.Messages;

/// <summary>Population clearinghouse -> population cohort: draw your units' private information for this replication (docs/theory.md §6).</summary>
public sealed record DrawUnits(int Replication);
