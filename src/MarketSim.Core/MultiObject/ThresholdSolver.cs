using MarketSim.Core.Agents;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// The LP of 004 (12) (docs/theory.md §3) solved exactly as a fractional knapsack. Variables: mu^j_m (m &lt; N, in
/// [0,1]) and c^j (>= 0, unbounded). Budget B = G_0; every mu with cost b = A - S &lt;= 0 is set to 1
/// first (it adds -b to B, 004 Remark 2); the rest are filled in increasing cost-to-benefit ratio
/// b / (a_j A) = (1 - rho)/a_j with rho = S/A (c^j's ratio 1/a_j) until B is spent: the last mu gets a
/// fraction, or a c^j absorbs all that is left.
/// <para>Order. Within a side rho^j_m rises strictly in m (004 Lemma 1, Claim 1), so a side's mu's
/// enter from the top m down and its c^j last. Across sides the buyer's item goes first iff
/// a_s (1 - rho^b) &lt; a_b (1 - rho^s) (cross-multiplied, so a zero weight is an infinite ratio),
/// compared in doubles with a rigorous margin and exactly where that cannot decide (<see cref="KnapsackWeight"/>).</para>
/// <para>Ties (equal ratios across sides, which happen only at the Pareto breakpoints; any split is
/// optimal, 004 fn. 17): two mu's are filled together with one common probability (so equal weights
/// in a symmetric problem give 004 Section 2's symmetric 26/74); a mu tied with a c goes first (same
/// weighted utility, more gains from trade); two c's share what is left equally.</para>
/// </summary>
public static class ThresholdSolver
{
    /// <summary>The alpha-optimal mechanism for seller weight a_s in [0, 1] (a_b = 1 - a_s).</summary>
    public static ThresholdMechanism Solve(MultiObjectProblem problem, double sellerWeight)
    {
        if (sellerWeight is not (>= 0 and <= 1))
        {
            throw new ArgumentException($"sellerWeight must lie in [0, 1] (got {sellerWeight})", "sellerWeight");
        }

        return Solve(problem, Fraction.FromDouble(sellerWeight));
    }

    internal static ThresholdMechanism Solve(MultiObjectProblem problem, Fraction sellerWeight) =>
        Solve(problem, KnapsackWeight.Given(sellerWeight), TieRule.Symmetric);

    /// <summary>The mechanism of <see cref="Fill"/>.</summary>
    internal static ThresholdMechanism Solve(MultiObjectProblem problem, KnapsackWeight sellerWeight, TieRule ties) =>
        new(problem, sellerWeight, Fill(problem, sellerWeight, ties));

    /// <summary>
    /// The greedy fill. <paramref name="ties"/> = Symmetric is the public rule; BuyerFirst / SellerFirst
    /// give the solution just below / just above <paramref name="sellerWeight"/> (used by the frontier
    /// sweep). The queues and their prefix sums are the problem's (<see cref="KnapsackItems"/>): a fill
    /// walks the two queues in key order, O(N) comparisons decided in doubles, and does exact arithmetic
    /// only where the budget runs out (and on ties).
    /// </summary>
    internal static KnapsackFill Fill(MultiObjectProblem problem, KnapsackWeight sellerWeight, TieRule ties)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var items = problem.Knapsack;
        var heads = new int[2];
        var shares = new[] { BudgetShare.One, BudgetShare.One };
        var payments = new[] { Fraction.Zero, Fraction.Zero };
        var lastSide = -1;
        var lastItem = -1;
        var filling = true;
        while (filling)
        {
            var order = sellerWeight.CompareKeys(items, heads[0], heads[1]);
            if (order == 0 && ties != TieRule.Symmetric)
            {
                order = ties == TieRule.BuyerFirst ? -1 : 1;
            }

            if (order != 0)
            {
                filling = Take(order < 0 ? 0 : 1);
                continue;
            }

            // Tie across sides (see the class comment).
            lastSide = -1;
            lastItem = -1;
            var buyerIsLumpSum = heads[0] == items.QueueLength(Side.Buyers);
            var sellerIsLumpSum = heads[1] == items.QueueLength(Side.Sellers);
            if (buyerIsLumpSum && sellerIsLumpSum)
            {
                var budget = items.Remaining(heads[0], heads[1]);
                var half = budget / 2;
                payments[0] = half;
                payments[1] = budget - half;
                filling = false;
            }
            else if (buyerIsLumpSum || sellerIsLumpSum)
            {
                filling = Take(buyerIsLumpSum ? 1 : 0);
            }
            else
            {
                // Both mu's with one common probability: the joint cost against what is left.
                var spending = items.CompareSpending(heads[0] + 1, heads[1] + 1);
                if (spending > 0)
                {
                    var share = new BudgetShare(
                        items.Remaining(heads[0], heads[1]),
                        items.Cost(Side.Buyers, heads[0]) + items.Cost(Side.Sellers, heads[1]));
                    shares[0] = share;
                    shares[1] = share;
                }

                heads[0]++;
                heads[1]++;
                filling = spending < 0;
            }
        }

        return new KnapsackFill(heads, shares, payments, lastSide, lastItem);

        // Fills the side's next item; false once the budget is spent.
        bool Take(int side)
        {
            lastSide = side;
            lastItem = heads[side];
            if (heads[side] == items.QueueLength((Side)side))
            {
                payments[side] = items.Remaining(heads[0], heads[1]); // c^j is unbounded: it absorbs the rest
                return false;
            }

            heads[side]++;
            var spending = items.CompareSpending(heads[0], heads[1]);
            if (spending > 0)
            {
                heads[side]--;
                shares[side] = new BudgetShare(items.Remaining(heads[0], heads[1]), items.Cost((Side)side, heads[side]));
                heads[side]++;
            }

            return spending < 0;
        }
    }
}
