using MarketSim.Core.Scenarios;
using MarketSim.Core.RedistributiveAuctions;

namespace MarketSim.Core.Experiments;

/// <summary>
/// 003 Figures 1-3 for any welfare weights (docs/theory.md §4): per player and type, the bifurcated
/// scores Z+ and Z- at the optimum's multiplier nu (Figure 1), their ironed copies in quantile space
/// (Figure 2), and the resulting allocation: the probabilities of the good and of the bad
/// (Figure 3). Cell averages of the solver's quantile grid, sampled at every <c>stride</c>-th cell
/// (at the cell's middle quantile).
/// </summary>
public static class AuctionScoreStudy
{
    public static AuctionScoreCurves Compute(
        IReadOnlyList<AuctionPlayer> players, WelfareWeightDensity weights, double badCost, int pointsPerPlayer,
        int quantileCells = RedistributiveAuctionSolver.DefaultQuantileCells)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerPlayer, 2);
        var auction = RedistributiveAuctionSolver.Optimize(players, weights, badCost, quantileCells);
        var grids = auction.Grids;
        var alpha = RedistributiveAuctionSolver.Alpha(grids);
        var points = new List<AuctionScorePoint>();
        for (var player = 0; player < grids.Count; player++)
        {
            var grid = grids[player];
            var good = new double[grid.Cells];
            var bad = new double[grid.Cells];
            BifurcatedScores.Compute(grid, alpha, auction.Multiplier, good, bad);
            var ironedGood = (double[])good.Clone();
            var ironedBad = (double[])bad.Clone();
            Ironing.IronInPlace(ironedGood);
            Ironing.IronInPlace(ironedBad);
            var stride = Math.Max(1, grid.Cells / pointsPerPlayer);
            for (var cell = stride / 2; cell < grid.Cells; cell += stride)
            {
                points.Add(new AuctionScorePoint(
                    player,
                    grid.Law.InverseCdf((cell + 0.5) * grid.CellMass),
                    good[cell], bad[cell], ironedGood[cell], ironedBad[cell],
                    auction.GoodProbabilityOfCell(player, cell), auction.BadProbabilityOfCell(player, cell)));
            }
        }

        return new AuctionScoreCurves(points, alpha, auction.Multiplier, auction.Surplus,
            grids.Select(grid => grid.TotalMoneyWeight).ToArray());
    }
}

/// <summary>One type of one player: raw and ironed Z+ and Z-, and the probabilities of getting the good and the bad.</summary>
public sealed record AuctionScorePoint(
    int Player, double Type, double GoodScore, double BadScore, double IronedGoodScore, double IronedBadScore,
    double GoodProbability, double BadProbability);

/// <summary>The curves with alpha = max_i Lambda_i(b_i), the multiplier nu, the surplus and each Lambda_i(b_i).</summary>
public sealed record AuctionScoreCurves(
    IReadOnlyList<AuctionScorePoint> Points, double Alpha, double Multiplier, double Surplus, IReadOnlyList<double> MoneyWeights);
