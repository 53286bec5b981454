using MarketSim.Core.Agents;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// The fractional knapsack of 004 (12) (docs/theory.md §3) prepared once per problem, for every seller
/// weight. Every mu with cost b = A - S &lt;= 0 is free (set to 1, adding -b to the budget); the rest of
/// side j's mu's form its queue, in fill order m = N-1 down (1 - rho = b/A falls strictly in m, 004
/// Claim 1, so the queue's gaps rise strictly), followed by c^j (gap 1). A fill takes the first h_b and
/// h_s items of the two queues, so it is described by the prefix sums of the queued costs, rents and
/// surpluses, kept exactly and as doubles: the fill compares in doubles with a rigorous error margin and
/// falls back to exact arithmetic only when the margin cannot decide (ties, an exactly spent budget).
/// </summary>
internal sealed class KnapsackItems
{
    /// <summary>Relative margin for a comparison of doubles: 8 units in the last place, twice the error of three roundings.</summary>
    internal const double Margin = 1.0 / (1L << 50);

    /// <summary>Below this a double may have lost relative precision (subnormal range) or underflowed: decide exactly.</summary>
    internal const double Tiny = 1e-300;

    private readonly MultiObjectProblem problem;
    private readonly int[][] queue = new int[2][];
    private readonly Fraction[][] costPrefix = new Fraction[2][];
    private readonly double[][] costPrefixApprox = new double[2][];
    private readonly Fraction[][] rentPrefix = new Fraction[2][];
    private readonly Fraction[][] surplusPrefix = new Fraction[2][];
    private readonly double[][] gapApprox = new double[2][];
    private readonly double[][] rhoApprox = new double[2][];
    private readonly Fraction[] freeRent = new Fraction[2];
    private readonly Fraction[] freeSurplus = new Fraction[2];
    private readonly double budgetApprox;

    public KnapsackItems(MultiObjectProblem problem)
    {
        this.problem = problem;
        var budget = problem.GoodGoodGains;
        for (var side = 0; side < 2; side++)
        {
            var queued = new List<int>();
            freeRent[side] = Fraction.Zero;
            freeSurplus[side] = Fraction.Zero;
            for (var m = problem.Objects - 1; m >= 0; m--)
            {
                var cost = problem.Cost((Side)side, m);
                if (cost.Sign <= 0)
                {
                    budget -= cost; // 004 Remark 2: the surplus covers the rent
                    freeRent[side] += problem.Rent((Side)side, m);
                    freeSurplus[side] += problem.Surplus((Side)side, m);
                }
                else
                {
                    queued.Add(m);
                }
            }

            var items = queued.ToArray();
            queue[side] = items;
            costPrefix[side] = new Fraction[items.Length + 1];
            rentPrefix[side] = new Fraction[items.Length + 1];
            surplusPrefix[side] = new Fraction[items.Length + 1];
            costPrefixApprox[side] = new double[items.Length + 1];
            gapApprox[side] = new double[items.Length + 1];
            rhoApprox[side] = new double[items.Length + 1];
            costPrefix[side][0] = rentPrefix[side][0] = surplusPrefix[side][0] = Fraction.Zero;
            for (var k = 0; k < items.Length; k++)
            {
                var m = items[k];
                costPrefix[side][k + 1] = costPrefix[side][k] + problem.Cost((Side)side, m);
                rentPrefix[side][k + 1] = rentPrefix[side][k] + problem.Rent((Side)side, m);
                surplusPrefix[side][k + 1] = surplusPrefix[side][k] + problem.Surplus((Side)side, m);
                costPrefixApprox[side][k + 1] = costPrefix[side][k + 1].ToDouble();
                gapApprox[side][k] = Fraction.QuotientToDouble(problem.Cost((Side)side, m), problem.Rent((Side)side, m));
                rhoApprox[side][k] = Fraction.QuotientToDouble(problem.Surplus((Side)side, m), problem.Rent((Side)side, m));
            }

            gapApprox[side][items.Length] = 1; // c^j
            rhoApprox[side][items.Length] = 0;
        }

        Budget = budget;
        budgetApprox = budget.ToDouble();
    }

    /// <summary>B = G_0 - sum of the free items' costs: what the queued items and the c's share (positive).</summary>
    public Fraction Budget { get; }

    public bool ExactOnly => problem.ExactOnly;

    /// <summary>Number of queued mu's of the side; position QueueLength is c^j.</summary>
    public int QueueLength(Side side) => queue[(int)side].Length;

    /// <summary>The m of the side's queue item at <paramref name="position"/>.</summary>
    public int GoodCount(Side side, int position) => queue[(int)side][position];

    /// <summary>b of the queue item (positive).</summary>
    public Fraction Cost(Side side, int position) => problem.Cost(side, queue[(int)side][position]);

    /// <summary>A of the queue item.</summary>
    public Fraction Rent(Side side, int position) => problem.Rent(side, queue[(int)side][position]);

    /// <summary>S of the queue item.</summary>
    public Fraction Surplus(Side side, int position) => problem.Surplus(side, queue[(int)side][position]);

    /// <summary>(b, A) of the item at <paramref name="position"/>, whose gap b/A is a_j times its cost-to-benefit ratio; (1, 1) for c^j.</summary>
    public (Fraction Cost, Fraction Rent) GapParts(Side side, int position) =>
        position == QueueLength(side) ? (Fraction.One, Fraction.One) : (Cost(side, position), Rent(side, position));

    /// <summary>The nearest double to the item's gap b/A (1 for c^j), in (0, 1].</summary>
    public double GapApprox(Side side, int position) => gapApprox[(int)side][position];

    /// <summary>
    /// The nearest double to the item's rho = S/A = 1 - gap (0 for c^j), in [0, 1): where the gap is within an
    /// ulp of 1 (a low m, whose surplus is a vanishing share of its rent) only rho still tells items apart.
    /// </summary>
    public double RhoApprox(Side side, int position) => rhoApprox[(int)side][position];

    /// <summary>Sum of the rents of the free items and of the first <paramref name="count"/> queue items.</summary>
    public Fraction RentOfFirst(Side side, int count) => freeRent[(int)side] + rentPrefix[(int)side][count];

    /// <summary>Sum of the surpluses of the free items and of the first <paramref name="count"/> queue items.</summary>
    public Fraction SurplusOfFirst(Side side, int count) => freeSurplus[(int)side] + surplusPrefix[(int)side][count];

    /// <summary>The budget left once the first <paramref name="buyerCount"/> and <paramref name="sellerCount"/> queue items are paid in full.</summary>
    public Fraction Remaining(int buyerCount, int sellerCount) => Budget - costPrefix[0][buyerCount] - costPrefix[1][sellerCount];

    /// <summary>
    /// Sign of (cost of the first <paramref name="buyerCount"/> and <paramref name="sellerCount"/> queue items) - B:
    /// negative when they fit with budget to spare, 0 when they spend it exactly.
    /// </summary>
    public int CompareSpending(int buyerCount, int sellerCount)
    {
        if (!ExactOnly)
        {
            // Each stored double is within half an ulp of its exact value (plus the subnormal spacing); the
            // sum adds one rounding. All terms are >= 0, so the error is relative to the sum.
            var spent = costPrefixApprox[0][buyerCount] + costPrefixApprox[1][sellerCount];
            const double absolute = 1e-307;
            if (spent * (1 + Margin) + absolute < budgetApprox * (1 - Margin))
            {
                return -1;
            }

            if (spent * (1 - Margin) - absolute > budgetApprox * (1 + Margin))
            {
                return 1;
            }
        }

        return (costPrefix[0][buyerCount] + costPrefix[1][sellerCount]).CompareTo(Budget);
    }
}
