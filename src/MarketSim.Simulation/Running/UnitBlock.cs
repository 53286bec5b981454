namespace MarketSim.Simulation.Running;

/// <summary>
/// Units [Offset, Offset + Count) (pairs or groups) of one role (buyer, seller, player i) of a
/// mechanism with its own population, drawn by one population cohort actor.
/// </summary>
internal readonly record struct UnitBlock(int Role, int Offset, int Count);
