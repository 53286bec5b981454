namespace MarketSim.Core.Theory.Solver;

/// <summary>One atom of a side's lottery H_j over quantities (docs/theory.md §1.3): grid index of q and its weight nu.</summary>
internal readonly record struct LotteryPoint(int GridIndex, double Weight);
