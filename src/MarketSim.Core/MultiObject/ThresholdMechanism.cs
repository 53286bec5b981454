using MarketSim.Core.Agents;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// A solved alpha-optimal threshold mechanism (004 Theorem 1, docs/theory.md §3): the trade rule per object,
/// each side's thresholds, worst-type payments c^j, ex-ante utilities NU^j and the expected gains NI.
/// Built by <see cref="ThresholdSolver"/> from where its fill stopped (<see cref="KnapsackFill"/>): every double
/// is the nearest to its exact value; the per-m numbers (<see cref="Buyer"/>, <see cref="Seller"/>, the
/// transfers) and the exact values are built on first use, so a frontier vertex costs O(1) exact sums.
/// </summary>
public sealed class ThresholdMechanism
{
    private readonly KnapsackFill fill;
    private readonly KnapsackWeight weight;
    private readonly double[] utility = new double[2];
    private readonly Lazy<Detail> detail;
    private readonly Lazy<Fraction[][]> exactMu;
    private readonly Lazy<Fraction[]> exactUtility;
    private readonly Lazy<Fraction> exactGains;

    internal ThresholdMechanism(MultiObjectProblem problem, KnapsackWeight sellerWeight, KnapsackFill fill)
    {
        Problem = problem;
        weight = sellerWeight;
        this.fill = fill;
        ExactWorstTypePayment = fill.Payments;
        var items = problem.Knapsack;

        // NU^j = c^j + sum_m A^j_m mu^j_m and NI = G_0 + sum_{j,m} S^j_m mu^j_m (004 (10)-(11)): exact
        // prefix sums of the filled items plus the last one's share, rounded through its enclosure.
        var gains = problem.GoodGoodGains;
        var gainShares = new List<(BudgetShare Share, Fraction Coefficient)>();
        for (var side = 0; side < 2; side++)
        {
            var (whole, share, last) = Filled(side);
            var rentShare = new List<(BudgetShare, Fraction)>();
            if (!share.IsOne)
            {
                rentShare.Add((share, items.Rent((Side)side, last)));
            }

            utility[side] = Nearest(fill.Payments[side] + items.RentOfFirst((Side)side, whole), rentShare);
            gains += items.SurplusOfFirst((Side)side, whole);
            if (!share.IsOne)
            {
                gainShares.Add((share, items.Surplus((Side)side, last)));
            }
        }

        GainsFromTrade = Nearest(gains, gainShares);
        FirstBestGains = problem.FirstBestGains;
        Efficiency = GainsFromTrade / FirstBestGains;

        // The fill spends the budget exactly (a c^j or the last mu absorbs what is left), so
        // NI - NU^b - NU^s = B - sum b mu - c^b - c^s = 0 (docs/theory.md §3).
        ExpectedRevenue = 0;

        exactMu = new Lazy<Fraction[][]>(() => [ExactTradeRule(0), ExactTradeRule(1)]);
        exactUtility = new Lazy<Fraction[]>(() =>
            [fill.Payments[0] + ExactSum(0, items.Rent, items.RentOfFirst), fill.Payments[1] + ExactSum(1, items.Rent, items.RentOfFirst)]);
        exactGains = new Lazy<Fraction>(() =>
            problem.GoodGoodGains + ExactSum(0, items.Surplus, items.SurplusOfFirst) + ExactSum(1, items.Surplus, items.SurplusOfFirst));
        detail = new Lazy<Detail>(() => new Detail(this));
    }

    public MultiObjectProblem Problem { get; }

    /// <summary>a_s (the buyer's weight a_b = 1 - a_s).</summary>
    public double SellerWeight => weight.Value;

    /// <summary>The buyer's thresholds, trade rule and transfers (built on first use: O(N) numbers).</summary>
    public SideThreshold Buyer => detail.Value.Sides[0];

    public SideThreshold Seller => detail.Value.Sides[1];

    /// <summary>NI: expected gains from trade per pair (004 (11)).</summary>
    public double GainsFromTrade { get; }

    /// <summary>Gains when every object with vb > vs trades.</summary>
    public double FirstBestGains { get; }

    /// <summary>NI / first-best gains.</summary>
    public double Efficiency { get; }

    /// <summary>NI - NU^b - NU^s: the ex-ante budget, exactly 0 at the optimum (a c^j or the last mu absorbs it).</summary>
    public double ExpectedRevenue { get; }

    internal Fraction ExactSellerWeight => weight.Exact;

    /// <summary>mu^j_m exactly, m = 0..N (built on request; a fractional entry costs a GCD of numbers with about 54 N bits).</summary>
    internal Fraction[][] ExactMu => exactMu.Value;

    internal Fraction[] ExactWorstTypePayment { get; }

    /// <summary>NU^j exactly (built on request).</summary>
    internal Fraction[] ExactUtility => exactUtility.Value;

    /// <summary>NI exactly (built on request).</summary>
    internal Fraction ExactGainsFromTrade => exactGains.Value;

    public SideThreshold For(Side side) => side == Side.Buyers ? Buyer : Seller;

    /// <summary>NU^j, without building the side's <see cref="SideThreshold"/> (the frontier needs only this).</summary>
    public double UtilityOf(Side side) => utility[(int)side];

    /// <summary>tau^j(m): j's interim transfer (and interim utility) when it reports m good values.</summary>
    public double InterimTransfer(Side side, int goodCount) => detail.Value.InterimTransfer[(int)side][goodCount];

    /// <summary>
    /// 004 Theorem 1's trade probability of one object given the two reports for it and the numbers of
    /// good values each side reported: good-good 1, bad-bad 0, j bad and -j good mu^j_{m_j}.
    /// </summary>
    public double TradeProbability(bool buyerGood, bool sellerGood, int buyerGoodCount, int sellerGoodCount) =>
        (buyerGood, sellerGood) switch
        {
            (true, true) => 1.0,
            (false, false) => 0.0,
            (false, true) => detail.Value.Mu[0][buyerGoodCount],
            (true, false) => detail.Value.Mu[1][sellerGoodCount],
        };

    /// <summary>
    /// E_{w^{-j}}[R(w^j, w^{-j})]: the expected revenue of the ex-ante-balanced transfers (004 (5)) given
    /// j reported m good values, over the rival's type and the lotteries. Per object j reported good:
    /// the rival is good (q_{-j}, gain vb_h - vs_l) or bad (the rival's bad-object trade probability);
    /// per object j reported bad: the rival is good with q_{-j} and they trade with mu^j_m.
    /// </summary>
    public double InterimExpectedRevenue(Side side, int goodCount)
    {
        var rival = side == Side.Buyers ? Side.Sellers : Side.Buyers;
        var rivalGood = Problem.GoodProbability(rival);
        var n = Problem.Objects;
        var known = detail.Value;
        return goodCount * (rivalGood * Problem.GoodGoodGain
                + (1 - rivalGood) * Problem.BadEncounterGain(rival) * known.RivalBadTradeProbability[(int)rival])
            + (n - goodCount) * rivalGood * Problem.BadEncounterGain(side) * known.Mu[(int)side][goodCount]
            - known.InterimTransfer[(int)side][goodCount]
            - utility[(int)rival];
    }

    /// <summary>
    /// Side j's queue items with mu = 1 (<c>Whole</c>, a prefix count) and the last reached item (queue
    /// position <c>Last</c>) with its <c>Share</c> when that is below 1; <c>Share</c> is one when none is.
    /// </summary>
    private (int Whole, BudgetShare Share, int Last) Filled(int side)
    {
        var head = fill.Heads[side];
        return head > 0 && !fill.LastShare[side].IsOne ? (head - 1, fill.LastShare[side], head - 1) : (head, BudgetShare.One, -1);
    }

    /// <summary>
    /// The nearest double to exact + sum of share x coefficient: exact when there are no shares (a dyadic sum
    /// rounds cheaply), else read off the enclosure, or computed exactly where the enclosure cannot decide.
    /// </summary>
    private double Nearest(Fraction exact, IReadOnlyList<(BudgetShare Share, Fraction Coefficient)> shares)
    {
        if (shares.Count == 0)
        {
            return exact.ToDouble();
        }

        double Exactly() => shares.Aggregate(exact, (sum, term) => sum + (term.Share.Exact * term.Coefficient)).ToDouble();
        if (Problem.ExactOnly)
        {
            return Exactly();
        }

        var enclosure = Enclosure.Of(exact);
        foreach (var (share, coefficient) in shares)
        {
            enclosure += share.Enclose() * Enclosure.Of(coefficient);
        }

        return enclosure.ToDouble(Exactly);
    }

    /// <summary>Exact sum over the side's m of coefficient(m) mu^j_m (<paramref name="prefix"/>: the free and the first queue items' sum).</summary>
    private Fraction ExactSum(int side, Func<Side, int, Fraction> coefficient, Func<Side, int, Fraction> prefix)
    {
        var (whole, share, last) = Filled(side);
        var sum = prefix((Side)side, whole);
        return share.IsOne ? sum : sum + (share.Exact * coefficient((Side)side, last));
    }

    /// <summary>mu^j_m, m = 0..N, exactly: 1 for the free items and the filled queue items, the share for the last, else 0.</summary>
    private Fraction[] ExactTradeRule(int side)
    {
        var items = Problem.Knapsack;
        var n = Problem.Objects;
        var mu = new Fraction[n + 1];
        for (var m = 0; m < n; m++)
        {
            mu[m] = Problem.Cost((Side)side, m).Sign <= 0 ? Fraction.One : Fraction.Zero;
        }

        mu[n] = Fraction.One; // vacuous: no bad object at m = N (SideThreshold's normal form)
        var (whole, share, last) = Filled(side);
        for (var k = 0; k < whole; k++)
        {
            mu[items.GoodCount((Side)side, k)] = Fraction.One;
        }

        if (!share.IsOne)
        {
            mu[items.GoodCount((Side)side, last)] = share.Exact;
        }

        return mu;
    }

    /// <summary>
    /// The per-m numbers of the mechanism (O(N) per side): mu^j as doubles, the interim transfers, the
    /// sides' <see cref="SideThreshold"/> and the rival-bad trade probabilities of the ex-post transfers.
    /// </summary>
    private sealed class Detail
    {
        public Detail(ThresholdMechanism mechanism)
        {
            var problem = mechanism.Problem;
            var items = problem.Knapsack;
            var n = problem.Objects;
            for (var side = 0; side < 2; side++)
            {
                var rival = 1 - side;
                var (whole, share, last) = mechanism.Filled(side);
                var partialAt = share.IsOne ? -1 : items.GoodCount((Side)side, last);
                var partial = share.IsOne ? 1.0 : share.ToDouble();
                var traded = new bool[n + 1];
                traded[n] = true;
                for (var m = 0; m < n; m++)
                {
                    traded[m] = problem.Cost((Side)side, m).Sign <= 0;
                }

                for (var k = 0; k < whole; k++)
                {
                    traded[items.GoodCount((Side)side, k)] = true;
                }

                // M^j: the smallest m with mu^j_m > 0 (mu_N = 1, so found; a share is positive even where its double underflows).
                Thresholds[side] = Array.FindIndex(traded, value => value);
                if (partialAt >= 0 && partialAt < Thresholds[side])
                {
                    Thresholds[side] = partialAt;
                }

                Mu[side] = new double[n + 1];
                for (var m = 0; m <= n; m++)
                {
                    Mu[side][m] = m == partialAt ? partial : traded[m] ? 1.0 : 0.0;
                }

                // tau^j(m) = c^j + q_{-j} Delta_j sum_{k<m} mu^j_k (docs/theory.md §3; 004 (9) with its typos fixed):
                // the sum is a count of ones plus the share once m passes the partial item.
                var rentStep = Fraction.FromDouble(problem.GoodProbability((Side)rival))
                    * (Fraction.FromDouble(problem.Values((Side)side).High) - Fraction.FromDouble(problem.Values((Side)side).Low));
                var payment = mechanism.fill.Payments[side];
                InterimTransfer[side] = new double[n + 1];
                var ones = 0;
                for (var m = 0; m <= n; m++)
                {
                    var paid = payment + (rentStep * ones);
                    InterimTransfer[side][m] = m > partialAt && partialAt >= 0
                        ? Fraction.QuotientToDouble((paid * share.Whole) + (rentStep * share.Part), share.Whole)
                        : paid.ToDouble();
                    if (m < n && traded[m] && m != partialAt)
                    {
                        ones++;
                    }
                }

                // Probability that a given object j reported bad trades, given the rival reported it good,
                // averaged over j's other N-1 values: sum_k f(k; N-1, q_j) mu^j_k.
                var others = problem.OtherObjectsProbabilities((Side)side);
                for (var k = 0; k < n; k++)
                {
                    RivalBadTradeProbability[side] += others[k] * Mu[side][k];
                }
            }

            Sides = [Describe(mechanism, Side.Buyers), Describe(mechanism, Side.Sellers)];
        }

        public double[][] Mu { get; } = new double[2][];

        public int[] Thresholds { get; } = new int[2];

        public double[][] InterimTransfer { get; } = new double[2][];

        public double[] RivalBadTradeProbability { get; } = new double[2];

        public SideThreshold[] Sides { get; }

        private SideThreshold Describe(ThresholdMechanism mechanism, Side side)
        {
            var mu = Mu[(int)side];
            var threshold = Thresholds[(int)side];
            return new SideThreshold(
                side,
                threshold,
                mu[threshold],
                Array.AsReadOnly(mu),
                mechanism.fill.Payments[(int)side].ToDouble(),
                mechanism.utility[(int)side],
                Array.AsReadOnly(InterimTransfer[(int)side]));
        }
    }
}
