using MarketSim.Core.Agents;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// The whole Pareto frontier of utility pairs, swept over the seller weight a_s in [0, 1]
/// (004 Section 4; SPEC 3). Exact: the knapsack order changes only where a buyer item's and a
/// seller item's cost-to-benefit ratios cross, a_s (1 - rho^b) = a_b (1 - rho^s), i.e. at
/// a_s = g_s / (g_b + g_s) with g = 1 - rho (g = 1 for c). Every such crossing weight is computed in
/// rationals; the LP is solved once inside each interval between consecutive crossings; neighbouring
/// intervals with the same utility pair are merged. <c>Breakpoints</c> are the weights where the
/// utility pair changes (the solution of an interval is unique there, so only its utilities can
/// change with it), ascending; <c>Vertices</c> run from a_s = 0 (buyer's best) to a_s = 1.
/// Cost: O(N^2) solves of O(N) exact steps each.
/// </summary>
public sealed record ParetoFrontier(IReadOnlyList<FrontierVertex> Vertices, IReadOnlyList<Fraction> Breakpoints)
{
    public static ParetoFrontier Compute(MultiObjectProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var gaps = new List<Fraction>[2];
        for (var side = 0; side < 2; side++)
        {
            gaps[side] = [Fraction.One]; // c^j
            for (var m = 0; m < problem.Objects; m++)
            {
                if (problem.Cost((Side)side, m).Sign > 0)
                {
                    gaps[side].Add(problem.CostPerRent((Side)side, m));
                }
            }
        }

        var crossings = new SortedSet<Fraction>();
        foreach (var buyerGap in gaps[0])
        {
            foreach (var sellerGap in gaps[1])
            {
                crossings.Add(sellerGap / (buyerGap + sellerGap));
            }
        }

        var points = new List<Fraction> { Fraction.Zero };
        points.AddRange(crossings);
        points.Add(Fraction.One);

        var vertices = new List<FrontierVertex>();
        var breakpoints = new List<Fraction>();
        var from = Fraction.Zero;
        ThresholdMechanism? current = null;
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var mechanism = ThresholdSolver.Solve(problem, (points[i] + points[i + 1]) / 2);
            if (current is not null && !SameUtilities(current, mechanism))
            {
                vertices.Add(Vertex(from, points[i], current));
                breakpoints.Add(points[i]);
                from = points[i];
            }

            current ??= mechanism;
            if (!SameUtilities(current, mechanism))
            {
                current = mechanism;
            }
        }

        vertices.Add(Vertex(from, Fraction.One, current!));
        return new ParetoFrontier(vertices, breakpoints);
    }

    private static bool SameUtilities(ThresholdMechanism left, ThresholdMechanism right) =>
        left.ExactUtility[0] == right.ExactUtility[0] && left.ExactUtility[1] == right.ExactUtility[1];

    private static FrontierVertex Vertex(Fraction from, Fraction to, ThresholdMechanism mechanism) =>
        new(from, to, mechanism.Buyer.Utility, mechanism.Seller.Utility, mechanism);
}
