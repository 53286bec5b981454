namespace MarketSim.Core.Theory.Solver;

/// <summary>Lump sum paid to every buyer and to every seller (docs/theory.md §1.2; at most one is positive).</summary>
public sealed record LumpSumPerAgent(double Buyers, double Sellers);
