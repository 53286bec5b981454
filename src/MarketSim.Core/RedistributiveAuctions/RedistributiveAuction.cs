namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// A solved auction of a good and a bad among n players (docs/theory.md §4): the allocation rule (one score rule,
/// or a lottery between two at a jump of the surplus), the exact interim allocation
/// Q_i = P(good) - c P(bad), the payments and the lump sums. Types are reported; the mechanism treats
/// the types of one quantile cell alike, so every interim quantity is a step function of the type
/// and every expectation below is an exact finite sum (no sampling).
/// <para>Payments (docs/theory.md §4, 003 (5)-(6), Lemma 4): <c>P0_i(t) = t Q_i(t) - int_{tau_i}^t Q_i</c>,
/// <c>tau_i = inf{t : Q_i(t) &gt;= 0}</c>, and the budget-balanced ex-post rule
/// <c>p_i = P0_i(t_i) - (1/(n-1)) sum_{j != i} [P0_j(t_j) - E P0_j] - L_i</c>; the lump sums L
/// split S = sum_i E P0_i equally among the recipients (I* for the optimum, 003 Theorem 2(b.ii)).
/// Interim payoffs: in money <c>t Q_i(t) - E[p_i | t] = int_{tau_i}^t Q_i + L_i</c> (convex, minimal
/// at tau_i: the U shape, 003 Corollary 1), in utils the same divided by t (003 (3)).</para>
/// </summary>
public sealed class RedistributiveAuction
{
    private readonly PlayerQuantileGrid[] grids;
    private readonly AllocationRule[] rules;
    private readonly double[] ruleProbabilities;
    private readonly double[][] goodProbability;
    private readonly double[][] badProbability;
    private readonly double[][] interimPayment;
    private readonly double[][] rentAtNodes;
    private readonly double[] expectedPayment;
    private readonly double[] lumpSums;
    private readonly double[] worstOffTypes;
    private readonly bool[] lumpSumRecipients;

    private RedistributiveAuction(
        PlayerQuantileGrid[] grids,
        double badCost,
        AllocationRule[] rules,
        double[] ruleProbabilities,
        bool[] lumpSumRecipients,
        double multiplier)
    {
        this.grids = grids;
        this.rules = rules;
        this.ruleProbabilities = ruleProbabilities;
        this.lumpSumRecipients = lumpSumRecipients;
        BadCost = badCost;
        Multiplier = multiplier;
        var players = grids.Length;
        goodProbability = new double[players][];
        badProbability = new double[players][];
        interimPayment = new double[players][];
        rentAtNodes = new double[players][];
        expectedPayment = new double[players];
        lumpSums = new double[players];
        worstOffTypes = new double[players];
        MixRules();
        for (var i = 0; i < players; i++)
        {
            ComputePayments(i);
        }

        // Budget balance (docs/theory.md §4): the lump sums return exactly what the P0 payments raise.
        var recipients = lumpSumRecipients.Count(recipient => recipient);
        Surplus = expectedPayment.Sum();
        for (var i = 0; i < players; i++)
        {
            lumpSums[i] = lumpSumRecipients[i] ? Surplus / recipients : 0;
        }

        Welfare = ComputeWelfare();
    }

    /// <summary>n.</summary>
    public int Players => grids.Length;

    /// <summary>c, the disutility of the bad in units of the good.</summary>
    public double BadCost { get; }

    /// <summary>nu, the multiplier of the budget constraint (0 unless it binds).</summary>
    public double Multiplier { get; }

    /// <summary>S = sum_i E P0_i: the expected budget surplus before lump sums (rebated in full).</summary>
    public double Surplus { get; }

    /// <summary>The objective sum_i int U_i d lambda_i (003 (10)), U_i in utils.</summary>
    public double Welfare { get; }

    /// <summary>The score rules and the probabilities with which a group uses each.</summary>
    public IReadOnlyList<AllocationRule> Rules => rules;

    /// <summary>Probability of each rule (one rule with probability 1 unless the multiplier sits on a jump of S).</summary>
    public IReadOnlyList<double> RuleProbabilities => ruleProbabilities;

    /// <summary>The players' quantile grids.</summary>
    public IReadOnlyList<PlayerQuantileGrid> Grids => grids;

    /// <summary>L_i.</summary>
    public IReadOnlyList<double> LumpSums => lumpSums;

    /// <summary>Whether player i receives the lump sum (I* for the optimum).</summary>
    public IReadOnlyList<bool> LumpSumRecipients => lumpSumRecipients;

    /// <summary>E P0_i.</summary>
    public IReadOnlyList<double> ExpectedPayments => expectedPayment;

    /// <summary>tau_i = inf{t : Q_i(t) &gt;= 0} (003 (6)): the worst-off type, where IR binds (if L_i = 0).</summary>
    public IReadOnlyList<double> WorstOffTypes => worstOffTypes;

    /// <summary>
    /// Evaluates any mixture of score rules with the payments of docs/theory.md §4 and the surplus rebated equally
    /// to <paramref name="lumpSumRecipients"/>. IC, IR and ex-post BB hold whenever the surplus is &gt;= 0.
    /// </summary>
    public static RedistributiveAuction Build(
        IReadOnlyList<PlayerQuantileGrid> grids,
        double badCost,
        IReadOnlyList<AllocationRule> rules,
        IReadOnlyList<double> ruleProbabilities,
        IReadOnlyList<bool> lumpSumRecipients,
        double multiplier = 0)
    {
        if (grids.Count < 2 || lumpSumRecipients.Count != grids.Count || !lumpSumRecipients.Any(recipient => recipient))
        {
            throw new ArgumentException("need n >= 2 players and at least one lump-sum recipient");
        }

        if (rules.Count == 0 || rules.Count != ruleProbabilities.Count || rules.Any(rule => rule.Players != grids.Count)
            || ruleProbabilities.Any(probability => probability < 0) || Math.Abs(ruleProbabilities.Sum() - 1) > 1e-12)
        {
            throw new ArgumentException("rules must cover the n players and their probabilities sum to 1");
        }

        return new RedistributiveAuction(
            grids.ToArray(), badCost, rules.ToArray(), ruleProbabilities.ToArray(), lumpSumRecipients.ToArray(), multiplier);
    }

    /// <summary>The docs/theory.md §4 formula of the surplus, sum_i [int Q+ (t - (1-F)/f) dF - int Q- (t + F/f) dF].</summary>
    public double VirtualSurplus()
    {
        var total = 0.0;
        for (var i = 0; i < Players; i++)
        {
            var grid = grids[i];
            for (var k = 0; k < grid.Cells; k++)
            {
                total += (goodProbability[i][k] * grid.VirtualValueOfGood[k])
                    - (BadCost * badProbability[i][k] * grid.VirtualValueOfBad[k]);
            }
        }

        return total;
    }

    /// <summary>P(player gets the good | own type), exact.</summary>
    public double GoodProbability(int player, double type) => goodProbability[player][grids[player].CellOf(type)];

    /// <summary>P(player gets the bad | own type), exact.</summary>
    public double BadProbability(int player, double type) => badProbability[player][grids[player].CellOf(type)];

    /// <summary>Q_i(t) = P(good) - c P(bad) (003 (2)).</summary>
    public double Allocation(int player, double type) => AllocationOfCell(player, grids[player].CellOf(type));

    /// <summary>E[p_i | t_i] = P0_i(t) - L_i: expected net payment (negative: received).</summary>
    public double InterimPayment(int player, double type) =>
        interimPayment[player][grids[player].CellOf(type)] - lumpSums[player];

    /// <summary>P0_i(t), the payment before the lump sum.</summary>
    public double BasePayment(int player, double type) => interimPayment[player][grids[player].CellOf(type)];

    /// <summary>Interim payoff in money, t Q_i(t) - E[p_i | t] (003 (4)).</summary>
    public double InterimUtilityInMoney(int player, double type) => ReportUtilityInMoney(player, type, type);

    /// <summary>Interim payoff in utils, Q_i(t) - E[p_i | t]/t (003 (3)).</summary>
    public double InterimUtility(int player, double type) => InterimUtilityInMoney(player, type) / type;

    /// <summary>Money payoff of type <paramref name="type"/> reporting <paramref name="report"/> (others truthful).</summary>
    public double ReportUtilityInMoney(int player, double type, double report)
    {
        var cell = grids[player].CellOf(report);
        return (type * AllocationOfCell(player, cell)) - interimPayment[player][cell] + lumpSums[player];
    }

    /// <summary>int_{tau_i}^t Q_i: the information rent at type t (money payoff before the lump sum).</summary>
    public double Rent(int player, double type)
    {
        var grid = grids[player];
        var cell = grid.CellOf(type);
        return rentAtNodes[player][cell] + ((type - grid.TypeNodes[cell]) * AllocationOfCell(player, cell));
    }

    /// <summary>Expected payoff of player i in utils, E U_i(t_i).</summary>
    public double ExpectedUtility(int player) => ExpectedUtility(player, 0, grids[player].Cells);

    /// <summary>Expected payoff of player i in money, E[t_i U_i(t_i)].</summary>
    public double ExpectedUtilityInMoney(int player)
    {
        var grid = grids[player];
        var total = 0.0;
        for (var k = 0; k < grid.Cells; k++)
        {
            var q = AllocationOfCell(player, k);
            total += (rentAtNodes[player][k] - (grid.TypeNodes[k] * q) + lumpSums[player]) + (q * grid.CellMeanType[k]);
        }

        return total * grid.CellMass;
    }

    /// <summary>
    /// Sum over cells [first, end) of int_cell U_i dF (utils), exactly: on cell k the money payoff is
    /// R_k + (t - t_k) Q_k + L, so U integrates to (R_k - t_k Q_k + L) E[1/t | k] + Q_k per unit mass.
    /// </summary>
    public double ExpectedUtility(int player, int firstCell, int endCell)
    {
        var grid = grids[player];
        var total = 0.0;
        for (var k = firstCell; k < endCell; k++)
        {
            var q = AllocationOfCell(player, k);
            total += ((rentAtNodes[player][k] - (grid.TypeNodes[k] * q) + lumpSums[player]) * grid.CellMeanInverseType[k]) + q;
        }

        return total * grid.CellMass;
    }

    /// <summary>Ex-ante probability that player i gets the good.</summary>
    public double ExpectedGoodProbability(int player) => goodProbability[player].Sum() * grids[player].CellMass;

    /// <summary>Ex-ante probability that player i gets the bad.</summary>
    public double ExpectedBadProbability(int player) => badProbability[player].Sum() * grids[player].CellMass;

    /// <summary>
    /// The items for reported cells: <paramref name="ruleLottery"/> picks the score rule, the other two
    /// uniforms break ties for the good and the bad. Returns the players (or -1 if unassigned).
    /// </summary>
    public (int Good, int Bad) Allocate(ReadOnlySpan<int> cells, double ruleLottery, double goodLottery, double badLottery)
    {
        var rule = rules[^1];
        var cumulative = 0.0;
        for (var r = 0; r < rules.Length - 1; r++)
        {
            cumulative += ruleProbabilities[r];
            if (ruleLottery < cumulative)
            {
                rule = rules[r];
                break;
            }
        }

        return (rule.GoodWinner(cells, goodLottery), rule.BadTaker(cells, badLottery));
    }

    /// <summary>
    /// Ex-post net payments p_i (docs/theory.md §4), budget-balanced in every round:
    /// p_i = P0_i(t_i) - (1/(n-1)) sum_{j != i} [P0_j(t_j) - E P0_j] - L_i.
    /// </summary>
    public void ExPostPayments(ReadOnlySpan<int> cells, Span<double> payments)
    {
        var players = Players;
        var deviationSum = 0.0;
        for (var j = 0; j < players; j++)
        {
            deviationSum += interimPayment[j][cells[j]] - expectedPayment[j];
        }

        for (var i = 0; i < players; i++)
        {
            var own = interimPayment[i][cells[i]];
            var others = deviationSum - (own - expectedPayment[i]);
            payments[i] = own - (others / (players - 1)) - lumpSums[i];
        }
    }

    /// <summary>The type thresholds of player i (null where a region is empty); see <see cref="AuctionPlayerThresholds"/>.</summary>
    public AuctionPlayerThresholds Thresholds(int player)
    {
        var grid = grids[player];
        var good = goodProbability[player];
        var bad = badProbability[player];
        double? goodAbove = null, reserve = null, badBelow = null, poolUpTo = null;
        for (var k = 0; k < grid.Cells; k++)
        {
            if (good[k] > 0)
            {
                goodAbove = grid.TypeNodes[k];
                break;
            }
        }

        for (var k = 0; k < grid.Cells; k++)
        {
            var eligible = false;
            for (var r = 0; r < rules.Length; r++)
            {
                eligible |= ruleProbabilities[r] > 0 && rules[r].GoodScore(player, k) > 0;
            }

            if (eligible)
            {
                reserve = grid.TypeNodes[k];
                break;
            }
        }

        for (var k = grid.Cells - 1; k >= 0; k--)
        {
            if (bad[k] > 0)
            {
                badBelow = grid.TypeNodes[k + 1];
                break;
            }
        }

        if (bad[0] > 0)
        {
            var last = 0;
            while (last + 1 < grid.Cells && bad[last + 1] == bad[0])
            {
                last++;
            }

            poolUpTo = last > 0 ? grid.TypeNodes[last + 1] : null;
        }

        return new AuctionPlayerThresholds(poolUpTo, badBelow, goodAbove, reserve);
    }

    /// <summary>The record printed by <c>solve --json</c>.</summary>
    public RedistributiveAuctionSolution ToSolution(string name) => new(
        name,
        Multiplier,
        Surplus,
        Welfare,
        lumpSums.ToArray(),
        Enumerable.Range(0, Players).Select(Thresholds).ToArray());

    internal double AllocationOfCell(int player, int cell) =>
        goodProbability[player][cell] - (BadCost * badProbability[player][cell]);

    internal double GoodProbabilityOfCell(int player, int cell) => goodProbability[player][cell];

    internal double BadProbabilityOfCell(int player, int cell) => badProbability[player][cell];

    internal double BasePaymentOfCell(int player, int cell) => interimPayment[player][cell];

    private void MixRules()
    {
        var players = Players;
        var goodOfRule = new double[players][];
        var badOfRule = new double[players][];
        for (var i = 0; i < players; i++)
        {
            goodProbability[i] = new double[grids[i].Cells];
            badProbability[i] = new double[grids[i].Cells];
            goodOfRule[i] = new double[grids[i].Cells];
            badOfRule[i] = new double[grids[i].Cells];
        }

        for (var r = 0; r < rules.Length; r++)
        {
            if (ruleProbabilities[r] == 0)
            {
                continue;
            }

            rules[r].InterimProbabilities(goodOfRule, badOfRule);
            for (var i = 0; i < players; i++)
            {
                for (var k = 0; k < grids[i].Cells; k++)
                {
                    goodProbability[i][k] += ruleProbabilities[r] * goodOfRule[i][k];
                    badProbability[i][k] += ruleProbabilities[r] * badOfRule[i][k];
                }
            }
        }
    }

    /// <summary>
    /// P0 on each cell (constant there: on cell k, P0 = t_k Q_k - R(t_k) with R(t) = int_{tau}^t Q),
    /// R at the nodes, tau_i and E P0_i.
    /// </summary>
    private void ComputePayments(int player)
    {
        var grid = grids[player];
        var cells = grid.Cells;
        var nodes = grid.TypeNodes;
        var rent = new double[cells + 1];
        var payment = new double[cells];
        var firstNonNegative = cells;
        for (var k = 0; k < cells; k++)
        {
            if (AllocationOfCell(player, k) >= 0)
            {
                firstNonNegative = k;
                break;
            }
        }

        // 003 (6): tau is the lower node of the first cell with Q >= 0 (b if Q < 0 throughout).
        worstOffTypes[player] = nodes[firstNonNegative];
        rent[firstNonNegative] = 0;
        for (var k = firstNonNegative; k < cells; k++)
        {
            rent[k + 1] = rent[k] + (AllocationOfCell(player, k) * (nodes[k + 1] - nodes[k]));
        }

        for (var k = firstNonNegative - 1; k >= 0; k--)
        {
            rent[k] = rent[k + 1] - (AllocationOfCell(player, k) * (nodes[k + 1] - nodes[k]));
        }

        var expected = 0.0;
        for (var k = 0; k < cells; k++)
        {
            payment[k] = (nodes[k] * AllocationOfCell(player, k)) - rent[k];
            expected += payment[k];
        }

        rentAtNodes[player] = rent;
        interimPayment[player] = payment;
        expectedPayment[player] = expected * grid.CellMass;
    }

    /// <summary>
    /// 003 (10): sum_i int U_i d lambda_i. On cell k, U = (R_k - t_k Q_k + L)/t + Q_k, so the cell
    /// contributes (R_k - t_k Q_k)(Lambda_{k+1} - Lambda_k) + Q_k (lambda_{k+1} - lambda_k); the lump
    /// sum adds L_i Lambda_i(b_i).
    /// </summary>
    private double ComputeWelfare()
    {
        var total = 0.0;
        for (var i = 0; i < Players; i++)
        {
            var grid = grids[i];
            var rent = rentAtNodes[i];
            for (var k = 0; k < grid.Cells; k++)
            {
                var q = AllocationOfCell(i, k);
                total += ((rent[k] - (grid.TypeNodes[k] * q)) * (grid.MoneyWeight[k + 1] - grid.MoneyWeight[k]))
                    + (q * (grid.WelfareRanking[k + 1] - grid.WelfareRanking[k]));
            }

            total += lumpSums[i] * grid.TotalMoneyWeight;
        }

        return total;
    }
}
