using MarketSim.Core.Agents;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// A solved alpha-optimal threshold mechanism (004 Theorem 1, docs/theory.md §3): the trade rule per object,
/// each side's thresholds, worst-type payments c^j, ex-ante utilities NU^j and the expected gains NI.
/// Built by <see cref="ThresholdSolver"/>; exact values are kept for the frontier and the tests.
/// </summary>
public sealed class ThresholdMechanism
{
    private readonly double[][] mu = new double[2][];
    private readonly double[][] interimTransfer = new double[2][];
    private readonly double[] rivalBadTradeProbability = new double[2];

    internal ThresholdMechanism(
        MultiObjectProblem problem, Fraction sellerWeight, Fraction[] buyerMu, Fraction[] sellerMu, Fraction buyerPayment, Fraction sellerPayment)
    {
        Problem = problem;
        ExactSellerWeight = sellerWeight;
        ExactMu = [buyerMu, sellerMu];
        ExactWorstTypePayment = [buyerPayment, sellerPayment];
        var n = problem.Objects;

        var gains = problem.GoodGoodGains;
        var utilities = new Fraction[2];
        for (var side = 0; side < 2; side++)
        {
            utilities[side] = ExactWorstTypePayment[side];
            for (var m = 0; m < n; m++)
            {
                utilities[side] += problem.Rent((Side)side, m) * ExactMu[side][m];
                gains += problem.Surplus((Side)side, m) * ExactMu[side][m];
            }
        }

        ExactUtility = utilities;
        ExactGainsFromTrade = gains;
        GainsFromTrade = gains.ToDouble();
        ExpectedRevenue = (gains - utilities[0] - utilities[1]).ToDouble();
        FirstBestGains = problem.FirstBestGains;
        Efficiency = GainsFromTrade / FirstBestGains;

        for (var side = 0; side < 2; side++)
        {
            var rival = 1 - side;
            mu[side] = Array.ConvertAll(ExactMu[side], value => value.ToDouble());

            // tau^j(m) = c^j + q_{-j} Delta_j sum_{k<m} mu^j_k (docs/theory.md §3; 004 (9) with its typos fixed).
            var rentStep = Fraction.FromDouble(problem.GoodProbability((Side)rival))
                * (Fraction.FromDouble(problem.Values((Side)side).High) - Fraction.FromDouble(problem.Values((Side)side).Low));
            var transfer = ExactWorstTypePayment[side];
            interimTransfer[side] = new double[n + 1];
            for (var m = 0; m <= n; m++)
            {
                interimTransfer[side][m] = transfer.ToDouble();
                transfer += rentStep * ExactMu[side][m];
            }

            // Probability that a given object j reported bad trades, given the rival reported it good,
            // averaged over j's other N-1 values: sum_k f(k; N-1, q_j) mu^j_k.
            var others = problem.OtherObjectsProbabilities((Side)side);
            for (var k = 0; k < n; k++)
            {
                rivalBadTradeProbability[side] += others[k] * mu[side][k];
            }
        }

        Buyer = Describe(Side.Buyers);
        Seller = Describe(Side.Sellers);
    }

    public MultiObjectProblem Problem { get; }

    /// <summary>a_s (the buyer's weight a_b = 1 - a_s).</summary>
    public double SellerWeight => ExactSellerWeight.ToDouble();

    public SideThreshold Buyer { get; }

    public SideThreshold Seller { get; }

    /// <summary>NI: expected gains from trade per pair (004 (11)).</summary>
    public double GainsFromTrade { get; }

    /// <summary>Gains when every object with vb > vs trades.</summary>
    public double FirstBestGains { get; }

    /// <summary>NI / first-best gains.</summary>
    public double Efficiency { get; }

    /// <summary>NI - NU^b - NU^s: the ex-ante budget, exactly 0 at the optimum (a c^j or the last mu absorbs it).</summary>
    public double ExpectedRevenue { get; }

    internal Fraction ExactSellerWeight { get; }

    internal Fraction[][] ExactMu { get; }

    internal Fraction[] ExactWorstTypePayment { get; }

    internal Fraction[] ExactUtility { get; }

    internal Fraction ExactGainsFromTrade { get; }

    public SideThreshold For(Side side) => side == Side.Buyers ? Buyer : Seller;

    /// <summary>tau^j(m): j's interim transfer (and interim utility) when it reports m good values.</summary>
    public double InterimTransfer(Side side, int goodCount) => interimTransfer[(int)side][goodCount];

    /// <summary>
    /// 004 Theorem 1's trade probability of one object given the two reports for it and the numbers of
    /// good values each side reported: good-good 1, bad-bad 0, j bad and -j good mu^j_{m_j}.
    /// </summary>
    public double TradeProbability(bool buyerGood, bool sellerGood, int buyerGoodCount, int sellerGoodCount) =>
        (buyerGood, sellerGood) switch
        {
            (true, true) => 1.0,
            (false, false) => 0.0,
            (false, true) => mu[0][buyerGoodCount],
            (true, false) => mu[1][sellerGoodCount],
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
        return goodCount * (rivalGood * Problem.GoodGoodGain
                + (1 - rivalGood) * Problem.BadEncounterGain(rival) * rivalBadTradeProbability[(int)rival])
            + (n - goodCount) * rivalGood * Problem.BadEncounterGain(side) * mu[(int)side][goodCount]
            - interimTransfer[(int)side][goodCount]
            - For(rival).Utility;
    }

    private SideThreshold Describe(Side side)
    {
        var exact = ExactMu[(int)side];
        var threshold = Array.FindIndex(exact, value => value.Sign > 0); // mu_N = 1, so found
        return new SideThreshold(
            side,
            threshold,
            exact[threshold].ToDouble(),
            Array.AsReadOnly(mu[(int)side]),
            ExactWorstTypePayment[(int)side].ToDouble(),
            ExactUtility[(int)side].ToDouble(),
            Array.AsReadOnly(interimTransfer[(int)side]));
    }
}
