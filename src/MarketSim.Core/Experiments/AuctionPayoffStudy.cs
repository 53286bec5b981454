using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Experiments;

/// <summary>
/// Issue 7's figure: interim payoffs of the optimal redistributive auction against type (docs/theory.md §4;
/// 003 Corollary 1, the U shape): U_i(t) in utils and t U_i(t) in money, exact step functions of
/// the solver's quantile cells, evaluated on a type grid.
/// </summary>
public static class AuctionPayoffStudy
{
    public static AuctionPayoffCurves Compute(RedistributiveAuctionSpec spec, int pointsPerPlayer, int quantileCells = RedistributiveAuctionSolver.DefaultQuantileCells)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerPlayer, 2);
        var auction = RedistributiveAuctionSolver.Optimize(spec, quantileCells);
        var thresholds = auction.ToSolution(spec.Label).Players;
        var points = new List<AuctionPayoffPoint>();
        for (var player = 0; player < auction.Players; player++)
        {
            var grid = auction.Grids[player];
            double lower = grid.Lower, upper = grid.Upper;
            for (var k = 0; k < pointsPerPlayer; k++)
            {
                var type = lower + (upper - lower) * k / (pointsPerPlayer - 1);
                points.Add(new AuctionPayoffPoint(
                    player, type, auction.InterimUtility(player, type), auction.InterimUtilityInMoney(player, type),
                    auction.GoodProbability(player, type), auction.BadProbability(player, type)));
            }
        }

        return new AuctionPayoffCurves(points, thresholds, auction.Multiplier, auction.Surplus, auction.LumpSums, auction.WorstOffTypes);
    }
}

/// <summary>One type of one player: payoff in utils U_i(t), in money t U_i(t), and the probabilities of the good and the bad.</summary>
public sealed record AuctionPayoffPoint(int Player, double Type, double Utility, double UtilityInMoney, double GoodProbability, double BadProbability);

/// <summary>The curves with each player's regions (pool, bad, good, reserve) and the solver's multiplier, surplus and lump sums.</summary>
public sealed record AuctionPayoffCurves(
    IReadOnlyList<AuctionPayoffPoint> Points,
    IReadOnlyList<AuctionPlayerThresholds> Thresholds,
    double Multiplier,
    double Surplus,
    IReadOnlyList<double> LumpSums,
    IReadOnlyList<double> WorstOffTypes);
