using MarketSim.Core.Scenarios;

namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// The welfare-maximising auction of a good and a bad for welfare weights lambda_i (docs/theory.md §4; 003
/// Theorem 2 with the saddle point of Lemma 5): ironed Z scores for a multiplier nu, nu = 0 if the
/// surplus S(0) &gt;= 0 (then S goes to I* as lump sums), else the nu where S crosses 0.
/// <para>Accuracy: the mechanism is solved exactly among mechanisms that treat the types of one of
/// <see cref="DefaultQuantileCells"/> equal-probability cells alike (scores are cell averages of Z,
/// ironed by the convex hull in quantile space); it is exactly IC, IR and budget-balanced. Against the
/// continuum optimum it loses O(1/M) of welfare. Measured on the second-price check (money-metric
/// weights): 5e-8 relative for two U[1,20] players at M = 4000; up to 1e-5 at M = 2000 for players
/// with unequal ranges (cells of unequal width put a winner's payment off by O(1/M)). Solving takes
/// milliseconds with a slack budget, about 0.5 s (n = 3) to 1 s (n = 5) when nu must be searched.</para>
/// </summary>
public static class RedistributiveAuctionSolver
{
    /// <summary>Quantile cells per player, M.</summary>
    public const int DefaultQuantileCells = 4000;

    private const double TiedWeightTolerance = 1e-12;
    private const int MaximumDoublings = 200;
    private const int MaximumBisections = 200;

    /// <summary>The <c>solve --json</c> record of a scenario's auction.</summary>
    public static RedistributiveAuctionSolution Solve(RedistributiveAuctionSpec spec, int quantileCells = DefaultQuantileCells) =>
        Optimize(spec, quantileCells).ToSolution(spec.Label);

    /// <summary>The optimal auction of a scenario's spec (validated; ArgumentException names the field).</summary>
    public static RedistributiveAuction Optimize(RedistributiveAuctionSpec spec, int quantileCells = DefaultQuantileCells) =>
        Optimize(AuctionTypeLaws.Create(spec), spec.EffectiveDensity, spec.BadCost, quantileCells);

    /// <summary>The optimal auction for players given as laws and weight multipliers.</summary>
    public static RedistributiveAuction Optimize(
        IReadOnlyList<AuctionPlayer> players, WelfareWeights weights, double badCost, int quantileCells = DefaultQuantileCells) =>
        Optimize(players, WelfareWeightDensity.Of(weights), badCost, quantileCells);

    /// <summary>The optimal auction for welfare rankings d lambda_i = w(t) dF_i (general weights, docs/theory.md §4).</summary>
    public static RedistributiveAuction Optimize(
        IReadOnlyList<AuctionPlayer> players, WelfareWeightDensity weights, double badCost, int quantileCells = DefaultQuantileCells)
    {
        var grids = BuildGrids(players, weights, badCost, quantileCells);
        var alpha = Alpha(grids);
        var favoured = FavouredPlayers(grids);

        RedistributiveAuction Evaluate(double multiplier) => RedistributiveAuction.Build(
            grids, badCost, [AllocationRule.Optimal(grids, alpha, multiplier)], [1.0], favoured, multiplier);

        var atZero = Evaluate(0);
        if (atZero.Surplus >= 0)
        {
            return atZero;
        }

        // S(nu) is weakly increasing (the constraint value of a Lagrangian maximiser rises with its
        // multiplier) and positive for large nu (Myerson's revenue, 003 proof of Lemma 5). On the grid
        // it is a step function, so bisect the bracket itself (not a root of a continuous function:
        // hence no MathNet root finder) and keep the rules on both sides of the jump.
        var (low, lowAuction) = (0.0, atZero);
        var high = Math.Max(alpha, double.Epsilon);
        var highAuction = Evaluate(high);
        for (var doubling = 0; highAuction.Surplus < 0; doubling++)
        {
            if (doubling == MaximumDoublings)
            {
                throw new InvalidOperationException("no multiplier makes the auction's surplus non-negative");
            }

            (low, lowAuction) = (high, highAuction);
            high *= 2;
            highAuction = Evaluate(high);
        }

        for (var step = 0; step < MaximumBisections && high - low > 1e-13 * high; step++)
        {
            var middle = 0.5 * (low + high);
            var middleAuction = Evaluate(middle);
            if (middleAuction.Surplus < 0)
            {
                (low, lowAuction) = (middle, middleAuction);
            }
            else
            {
                (high, highAuction) = (middle, middleAuction);
            }
        }

        var scale = grids.Average(grid => grid.Upper);
        if (highAuction.Surplus <= 1e-12 * scale)
        {
            return highAuction;
        }

        // At the jump both rules maximise the Lagrangian; the lottery between them that spends the
        // budget exactly (S linear in the mixture) satisfies complementary slackness (003 Lemma 5).
        var lowWeight = highAuction.Surplus / (highAuction.Surplus - lowAuction.Surplus);
        return RedistributiveAuction.Build(
            grids, badCost, [lowAuction.Rules[0], highAuction.Rules[0]], [lowWeight, 1 - lowWeight], favoured, high);
    }

    /// <summary>The players' quantile grids (validating the inputs).</summary>
    public static PlayerQuantileGrid[] BuildGrids(
        IReadOnlyList<AuctionPlayer> players, WelfareWeights weights, double badCost, int quantileCells = DefaultQuantileCells) =>
        BuildGrids(players, WelfareWeightDensity.Of(weights), badCost, quantileCells);

    /// <summary>The players' quantile grids for a weight density (validating the inputs).</summary>
    public static PlayerQuantileGrid[] BuildGrids(
        IReadOnlyList<AuctionPlayer> players, WelfareWeightDensity weights, double badCost, int quantileCells = DefaultQuantileCells)
    {
        if (players.Count < 2)
        {
            throw new ArgumentException($"players must list at least 2 players, got {players.Count}", "players");
        }

        if (!(badCost > 0) || double.IsInfinity(badCost))
        {
            throw new ArgumentException($"badCost must be a positive number, got {badCost}", "badCost");
        }

        var grids = new PlayerQuantileGrid[players.Count];
        for (var i = 0; i < grids.Length; i++)
        {
            AuctionTypeLaws.CheckSupport(players[i].Type, $"players[{i}].type");
            if (!(players[i].Weight > 0) || double.IsInfinity(players[i].Weight))
            {
                throw new ArgumentException($"weight must be a positive number, got {players[i].Weight}", $"players[{i}].weight");
            }

            grids[i] = PlayerQuantileGrid.Build(players[i], weights, quantileCells);
        }

        return grids;
    }

    /// <summary>alpha = max_i Lambda_i(b_i) (003 (12)).</summary>
    public static double Alpha(IReadOnlyList<PlayerQuantileGrid> grids) => grids.Max(grid => grid.TotalMoneyWeight);

    /// <summary>I*: the players whose Lambda_i(b_i) attains alpha (to 1e-12 relative), who get the lump sums.</summary>
    public static bool[] FavouredPlayers(IReadOnlyList<PlayerQuantileGrid> grids)
    {
        var alpha = Alpha(grids);
        return grids.Select(grid => grid.TotalMoneyWeight >= alpha * (1 - TiedWeightTolerance)).ToArray();
    }
}
