namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// Discretisation of the solver (docs/theory.md §1.3). The quantity axis q in [0,1] gets <c>GridSize</c> evenly
/// spaced points plus <c>EndRefinementLevels</c> points halving geometrically towards each end (down to
/// spacing / 2^levels), where densities may vanish or blow up (power laws with beta != 1).
/// Accuracy: the optimal cut-off quantities are grid points, so prices are within about
/// 1/(GridSize g) of the continuum optimum; welfare, being stationary at the optimum, within
/// O(1/GridSize^2) (about 1e-6 at the default); each solution states its own bound,
/// <see cref="OptimalMechanismSolution.WelfareTolerance"/> (docs/theory.md §1.3 "Tolerance").
/// </summary>
public sealed record SolverOptions(int GridSize = 2000, int EndRefinementLevels = 30)
{
    public static SolverOptions Default { get; } = new();
}
