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
/// compared exactly in rationals.</para>
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
        Run(problem, sellerWeight, TieRule.Symmetric).Mechanism;

    /// <summary>
    /// The greedy fill. <paramref name="ties"/> = Symmetric is the public rule; BuyerFirst / SellerFirst
    /// give the solution just below / just above <paramref name="sellerWeight"/> (used by the frontier
    /// sweep). Also returns where the budget ran out: the side and queue position of the last item
    /// (queue position = queue length for c^j); <c>LastSide</c> is -1 if it ran out on a tie.
    /// </summary>
    internal static KnapsackRun Run(MultiObjectProblem problem, Fraction sellerWeight, TieRule ties)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var n = problem.Objects;
        var buyerWeight = 1 - sellerWeight;
        var mu = new Fraction[2][];
        var queues = new List<int>[2];
        var budget = problem.GoodGoodGains;

        for (var side = 0; side < 2; side++)
        {
            mu[side] = new Fraction[n + 1];
            mu[side][n] = Fraction.One; // vacuous: no bad object at m = N (SideThreshold's normal form)
            queues[side] = [];
            for (var m = n - 1; m >= 0; m--)
            {
                var cost = problem.Cost((Side)side, m);
                if (cost.Sign <= 0)
                {
                    mu[side][m] = Fraction.One; // 004 Remark 2: surplus covers the rent
                    budget -= cost;
                }
                else
                {
                    queues[side].Add(m);
                }
            }
        }

        var payment = new[] { Fraction.Zero, Fraction.Zero };
        var head = new int[2];
        var lastSide = -1;
        var lastItem = -1;
        while (budget.Sign > 0)
        {
            var buyerGap = Gap(problem, Side.Buyers, queues[0], head[0]);
            var sellerGap = Gap(problem, Side.Sellers, queues[1], head[1]);
            var order = Fraction.CompareProducts(sellerWeight, buyerGap, buyerWeight, sellerGap);
            if (order == 0 && ties != TieRule.Symmetric)
            {
                order = ties == TieRule.BuyerFirst ? -1 : 1;
            }

            if (order != 0)
            {
                Take(order < 0 ? 0 : 1);
                continue;
            }

            // Tie across sides (see the class comment).
            lastSide = -1;
            var buyerIsLumpSum = head[0] == queues[0].Count;
            var sellerIsLumpSum = head[1] == queues[1].Count;
            if (buyerIsLumpSum && sellerIsLumpSum)
            {
                var half = budget / 2;
                payment[0] += half;
                payment[1] += budget - half;
                budget = Fraction.Zero;
            }
            else if (buyerIsLumpSum || sellerIsLumpSum)
            {
                Take(buyerIsLumpSum ? 1 : 0);
            }
            else
            {
                var buyerM = queues[0][head[0]];
                var sellerM = queues[1][head[1]];
                var joint = problem.Cost(Side.Buyers, buyerM) + problem.Cost(Side.Sellers, sellerM);
                var probability = joint <= budget ? Fraction.One : budget / joint;
                mu[0][buyerM] = probability;
                mu[1][sellerM] = probability;
                budget -= probability * joint;
                head[0]++;
                head[1]++;
            }
        }

        // Entries never reached stay default(Fraction) = 0.
        var mechanism = new ThresholdMechanism(problem, sellerWeight, mu[0], mu[1], payment[0], payment[1]);
        return new KnapsackRun(mechanism, queues, head, lastSide, lastSide < 0 ? -1 : lastItem);

        void Take(int side)
        {
            lastSide = side;
            if (head[side] == queues[side].Count)
            {
                lastItem = queues[side].Count;
                payment[side] += budget; // c^j is unbounded: it absorbs the rest
                budget = Fraction.Zero;
                return;
            }

            lastItem = head[side];
            var m = queues[side][head[side]++];
            var cost = problem.Cost((Side)side, m);
            mu[side][m] = cost <= budget ? Fraction.One : budget / cost;
            budget -= mu[side][m] * cost;
        }
    }

    /// <summary>
    /// 1 - rho = b / A of the side's next item (1 for c^j): a_j times its cost-to-benefit ratio
    /// (004 Lemma 1). Positive for every queued mu.
    /// </summary>
    internal static Fraction Gap(MultiObjectProblem problem, Side side, List<int> queue, int head) =>
        head == queue.Count ? Fraction.One : problem.CostPerRent(side, queue[head]);
}
