using MarketSim.Core.Agents;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// The whole Pareto frontier of utility pairs, swept over the seller weight a_s in [0, 1]
/// (004 Section 4; docs/theory.md §3), exactly. The knapsack order changes only where a buyer item's and a
/// seller item's cost-to-benefit ratios cross, a_s (1 - rho^b) = a_b (1 - rho^s), i.e. at
/// a_s = g_s / (g_b + g_s) with g = 1 - rho (g = 1 for c), computed in rationals. Raising a_s moves
/// seller items forward past buyer items, and the solution changes only when the item where the
/// budget runs out swaps with its neighbour of the other side: if it is the buyer's, the seller's
/// next unfilled item overtakes it; if it is the seller's, the buyer's last filled item drops behind
/// it. The sweep jumps from crossing to crossing of that item, solving the LP just above each
/// (ties seller-first), so it needs O(vertices) solves, not one per crossing.
/// <c>Breakpoints</c>: the weights where the utility pair changes, ascending. <c>Vertices</c>: from
/// a_s = 0 (the buyer's best) to a_s = 1; each is the unique optimum strictly inside its interval.
/// </summary>
public sealed record ParetoFrontier(IReadOnlyList<FrontierVertex> Vertices, IReadOnlyList<Fraction> Breakpoints)
{
    public static ParetoFrontier Compute(MultiObjectProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var vertices = new List<FrontierVertex>();
        var breakpoints = new List<Fraction>();
        var from = Fraction.Zero;
        var run = ThresholdSolver.Run(problem, Fraction.Zero, TieRule.SellerFirst);
        var current = run.Mechanism;
        while (NextCrossing(problem, run) is { } crossing)
        {
            run = ThresholdSolver.Run(problem, crossing, TieRule.SellerFirst);
            if (!SameUtilities(current, run.Mechanism))
            {
                vertices.Add(Vertex(from, crossing, current));
                breakpoints.Add(crossing);
                from = crossing;
                current = run.Mechanism;
            }
        }

        vertices.Add(Vertex(from, Fraction.One, current));
        return new ParetoFrontier(vertices, breakpoints);
    }

    /// <summary>The next weight at which the item where the budget ran out meets its neighbour, or null.</summary>
    private static Fraction? NextCrossing(MultiObjectProblem problem, KnapsackRun run)
    {
        if (run.LastSide == (int)Side.Buyers)
        {
            // The seller's first item not yet filled overtakes the buyer's last.
            return Crossing(Gap(problem, run, Side.Buyers, run.LastItem), Gap(problem, run, Side.Sellers, run.Heads[1]));
        }

        if (run.LastSide == (int)Side.Sellers && run.Heads[0] > 0)
        {
            // The buyer's last filled item drops behind the seller's last.
            return Crossing(Gap(problem, run, Side.Buyers, run.Heads[0] - 1), Gap(problem, run, Side.Sellers, run.LastItem));
        }

        return null; // the seller's item ran out with no buyer item before it: nothing changes up to a_s = 1
    }

    private static Fraction Crossing(Fraction buyerGap, Fraction sellerGap) => sellerGap / (buyerGap + sellerGap);

    private static Fraction Gap(MultiObjectProblem problem, KnapsackRun run, Side side, int position) =>
        ThresholdSolver.Gap(problem, side, run.Queues[(int)side], position);

    private static bool SameUtilities(ThresholdMechanism left, ThresholdMechanism right) =>
        left.ExactUtility[0] == right.ExactUtility[0] && left.ExactUtility[1] == right.ExactUtility[1];

    private static FrontierVertex Vertex(Fraction from, Fraction to, ThresholdMechanism mechanism) =>
        new(from, to, mechanism.Buyer.Utility, mechanism.Seller.Utility, mechanism);
}
