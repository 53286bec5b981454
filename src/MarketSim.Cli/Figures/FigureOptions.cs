namespace MarketSim.Cli.Figures;

/// <summary>
/// Sizes of the computations behind the figures. The defaults are the published sizes; tests use
/// small ones. <c>MapGridSize</c>: points per axis of 000 Figures 7.1-7.2 (issue 5: at least 40).
/// <c>ConvergenceReplications</c>: replications at 10^3 sellers (default 500); smaller markets get
/// more and larger fewer (see <see cref="ConvergenceFigure"/>).
/// </summary>
internal sealed record FigureOptions(int MapGridSize = 40, int ConvergenceReplications = 500, int CurvePoints = 161, int MaximumSellers = 100_000)
{
    public static FigureOptions Default { get; } = new();
}
