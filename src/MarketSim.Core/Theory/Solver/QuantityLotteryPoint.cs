namespace MarketSim.Core.Theory.Solver;

/// <summary>An atom of the optimal lottery H_j (docs/theory.md §1.3): quantity q, its cut-off rate, weight nu.</summary>
public sealed record QuantityLotteryPoint(double Quantity, double CutoffRate, double Weight);
