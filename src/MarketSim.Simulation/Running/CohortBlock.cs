using MarketSim.Core.Agents;
using MarketSim.Core;

namespace MarketSim.Simulation.Running;

/// <summary>The contiguous agents [Offset, Offset + Count) of one side that one trader actor stands for.</summary>
internal readonly record struct CohortBlock(Side Side, int Offset, int Count);
