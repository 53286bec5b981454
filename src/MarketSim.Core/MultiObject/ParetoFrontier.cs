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
/// (ties seller-first), so it needs O(vertices) fills, not one per crossing, and each crossing is a
/// vertex: the overtaking side's item gets budget it did not have, so its utility rises strictly
/// (its rent A is positive). A crossing is kept as its pair of items (<see cref="KnapsackWeight"/>):
/// the fill compares keys against it without building the weight, a fraction of about 108 N bits.
/// <c>Breakpoints</c>: the weights where the utility pair changes, ascending. <c>Vertices</c>: from
/// a_s = 0 (the buyer's best) to a_s = 1; each is the unique optimum strictly inside its interval.
/// </summary>
public sealed record ParetoFrontier(IReadOnlyList<FrontierVertex> Vertices, IReadOnlyList<Fraction> Breakpoints)
{
    public static ParetoFrontier Compute(MultiObjectProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var vertices = new List<FrontierVertex>();
        var from = KnapsackWeight.Given(Fraction.Zero);
        var fill = ThresholdSolver.Fill(problem, from, TieRule.SellerFirst);
        var current = new ThresholdMechanism(problem, from, fill);
        while (NextCrossing(problem.Knapsack, fill) is { } crossing)
        {
            fill = ThresholdSolver.Fill(problem, crossing, TieRule.SellerFirst);
            vertices.Add(new FrontierVertex(from, crossing, current));
            from = crossing;
            current = new ThresholdMechanism(problem, crossing, fill);
        }

        vertices.Add(new FrontierVertex(from, KnapsackWeight.Given(Fraction.One), current));
        return new ParetoFrontier(vertices, new LowerWeights(vertices));
    }

    /// <summary>The next weight at which the item where the budget ran out meets its neighbour, or null.</summary>
    private static KnapsackWeight? NextCrossing(KnapsackItems items, KnapsackFill fill)
    {
        if (fill.LastSide == (int)Side.Buyers)
        {
            // The seller's first item not yet filled overtakes the buyer's last.
            return KnapsackWeight.Crossing(items, fill.LastItem, fill.Heads[1]);
        }

        if (fill.LastSide == (int)Side.Sellers && fill.Heads[0] > 0)
        {
            // The buyer's last filled item drops behind the seller's last.
            return KnapsackWeight.Crossing(items, fill.Heads[0] - 1, fill.LastItem);
        }

        return null; // the seller's item ran out with no buyer item before it: nothing changes up to a_s = 1
    }

    /// <summary>The vertices' lower weights from the second on, built on first access.</summary>
    private sealed class LowerWeights(IReadOnlyList<FrontierVertex> vertices) : IReadOnlyList<Fraction>
    {
        public int Count => vertices.Count - 1;

        public Fraction this[int index] => vertices[index + 1].SellerWeightFrom;

        public IEnumerator<Fraction> GetEnumerator()
        {
            for (var k = 0; k < Count; k++)
            {
                yield return this[k];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
