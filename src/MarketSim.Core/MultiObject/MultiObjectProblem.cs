using System.Numerics;
using MarketSim.Core.Agents;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// The primitives of 004 Section 3 (docs/theory.md §3) and the exact coefficients of the LP (004 (10)-(12)):
/// one buyer, one seller, N objects, binary i.i.d. values. "Good" = eager to trade (buyer high,
/// seller low) with probability q_j. Coefficients are indexed by the number m of good values j
/// reports, m = 0..N (at m = N there is no bad object: A = S = 0).
/// </summary>
public sealed class MultiObjectProblem
{
    private readonly Fraction[][] rent = new Fraction[2][];
    private readonly Fraction[][] surplus = new Fraction[2][];
    private readonly Fraction[][] binomial = new Fraction[2][];
    private readonly Fraction[][] cost = new Fraction[2][];
    private readonly double[][] binomialOthers = new double[2][];

    public MultiObjectProblem(int objects, BinaryValues buyer, BinaryValues seller)
        : this(objects, buyer, seller, exactOnly: false)
    {
    }

    /// <param name="exactOnly">
    /// Decide every knapsack comparison and every rounding in exact arithmetic, skipping the double and
    /// <see cref="Enclosure"/> filters: the reference path the filtered one must agree with bit for bit.
    /// </param>
    internal MultiObjectProblem(int objects, BinaryValues buyer, BinaryValues seller, bool exactOnly)
    {
        if (objects < 1)
        {
            throw new ArgumentException($"objects must be at least 1 (got {objects})", "objects");
        }

        ArgumentNullException.ThrowIfNull(buyer);
        ArgumentNullException.ThrowIfNull(seller);
        foreach (var (values, name) in new[] { (buyer, "buyer"), (seller, "seller") })
        {
            if (values.GoodProbability is not (> 0 and < 1))
            {
                throw new ArgumentException(
                    $"{name}.goodProbability must lie in (0, 1) (got {values.GoodProbability})", $"{name}.goodProbability");
            }
        }

        MultiObjectThresholdSpec.ValidateOrdering(buyer, seller);
        ExactOnly = exactOnly;
        Objects = objects;
        Buyer = buyer;
        Seller = seller;

        var buyerHigh = Fraction.FromDouble(buyer.High);
        var buyerLow = Fraction.FromDouble(buyer.Low);
        var sellerHigh = Fraction.FromDouble(seller.High);
        var sellerLow = Fraction.FromDouble(seller.Low);
        var buyerGood = Fraction.FromDouble(buyer.GoodProbability);
        var sellerGood = Fraction.FromDouble(seller.GoodProbability);

        // Gains of the three encounters that can trade (004 (11)).
        var goodGoodGain = buyerHigh - sellerLow;
        var buyerBadGain = buyerLow - sellerLow;   // buyer bad, seller good
        var sellerBadGain = buyerHigh - sellerHigh; // seller bad, buyer good

        GoodGoodGains = objects * sellerGood * buyerGood * goodGoodGain; // G_0
        Fill(Side.Buyers, buyerGood, sellerGood, buyerHigh - buyerLow, buyerBadGain);
        Fill(Side.Sellers, sellerGood, buyerGood, sellerHigh - sellerLow, sellerBadGain);

        // First best = every mu at 1; it is budget-feasible iff G_0 covers every net cost b = A - S
        // (004 Remark 2, fn. 18). Both sums are linear in N (sum_m A^j_m = q_{-j} Delta_j N q_j,
        // sum_m S^j_m = q_{-j} G_j N (1 - q_j)), so the answer does not depend on N: linking objects
        // cannot make an unattainable first best attainable, only approach it (docs/theory.md §3).
        var firstBestSlack = GoodGoodGains;
        for (var m = 0; m < objects; m++)
        {
            firstBestSlack -= Cost(Side.Buyers, m) + Cost(Side.Sellers, m);
        }

        Knapsack = new KnapsackItems(this);

        FirstBestAttainable = firstBestSlack.Sign >= 0;

        FirstBestGains = (GoodGoodGains
            + objects * buyerGood * (1 - sellerGood) * sellerBadGain
            + objects * (1 - buyerGood) * sellerGood * buyerBadGain).ToDouble();

        void Fill(Side side, Fraction own, Fraction rival, Fraction delta, Fraction badGain)
        {
            var pmf = BinomialPmf(objects, own);
            var index = (int)side;
            binomial[index] = pmf;
            binomialOthers[index] = Array.ConvertAll(BinomialPmf(objects - 1, own), p => p.ToDouble());
            rent[index] = new Fraction[objects + 1];
            surplus[index] = new Fraction[objects + 1];
            var upperTail = Fraction.Zero; // 1 - F(m), summed from the top: no cancellation
            for (var m = objects; m >= 0; m--)
            {
                rent[index][m] = rival * delta * upperTail;                     // A^j_m (docs/theory.md §3)
                surplus[index][m] = rival * badGain * (objects - m) * pmf[m];   // S^j_m (docs/theory.md §3)
                upperTail += pmf[m];
            }

            cost[index] = new Fraction[objects + 1];
            for (var m = 0; m <= objects; m++)
            {
                cost[index][m] = rent[index][m] - surplus[index][m]; // b^j_m (docs/theory.md §3)
            }
        }
    }

    /// <summary>N.</summary>
    public int Objects { get; }

    public BinaryValues Buyer { get; }

    public BinaryValues Seller { get; }

    /// <summary>G_0 = N q_s q_b (vb_h - vs_l): the gains of good-good encounters, the knapsack's initial budget.</summary>
    public Fraction GoodGoodGains { get; }

    /// <summary>First-best expected gains: trade whenever the buyer's value exceeds the seller's (all but bad-bad).</summary>
    public double FirstBestGains { get; }

    /// <summary>Whether the first best (trade whenever the buyer values the object more) balances the budget (004 Section 5, Figures 4-5).</summary>
    public bool FirstBestAttainable { get; }

    /// <summary>The side's values.</summary>
    public BinaryValues Values(Side side) => side == Side.Buyers ? Buyer : Seller;

    /// <summary>q_j.</summary>
    public double GoodProbability(Side side) => Values(side).GoodProbability;

    /// <summary>Delta_j = v_h^j - v_l^j.</summary>
    public double ValueDifference(Side side) => Values(side).High - Values(side).Low;

    /// <summary>The value j reports for an object: buyer good = high, seller good = low.</summary>
    public double ReportedValue(Side side, bool good) => side == Side.Buyers
        ? good ? Buyer.High : Buyer.Low
        : good ? Seller.Low : Seller.High;

    /// <summary>Gains of a bad-good encounter where <paramref name="side"/> is bad: vb_l - vs_l or vb_h - vs_h.</summary>
    public double BadEncounterGain(Side side) => side == Side.Buyers ? Buyer.Low - Seller.Low : Buyer.High - Seller.High;

    /// <summary>Gains of a good-good encounter, vb_h - vs_l.</summary>
    public double GoodGoodGain => Buyer.High - Seller.Low;

    /// <summary>A^j_m = q_{-j} Delta_j (1 - F(m; N, q_j)): the rent j's higher types earn per unit of mu^j_m (004 (10)).</summary>
    public Fraction Rent(Side side, int goodCount) => rent[(int)side][goodCount];

    /// <summary>S^j_m: the expected gains per unit of mu^j_m (004 (11)).</summary>
    public Fraction Surplus(Side side, int goodCount) => surplus[(int)side][goodCount];

    /// <summary>b^j_m = A^j_m - S^j_m: what mu^j_m costs the budget (004 Lemma 1).</summary>
    public Fraction Cost(Side side, int goodCount) => cost[(int)side][goodCount];

    /// <summary>
    /// b^j_m / A^j_m = 1 - rho^j_m with rho = S/A (m &lt; N): a_j times mu^j_m's cost-to-benefit ratio
    /// (004 Lemma 1). Falls strictly in m (Claim 1); &lt;= 0 when the surplus covers the rent.
    /// </summary>
    public Fraction CostPerRent(Side side, int goodCount) => Cost(side, goodCount) / Rent(side, goodCount);

    /// <summary>Whether every comparison and rounding is done exactly (the reference path of the tests).</summary>
    internal bool ExactOnly { get; }

    /// <summary>The knapsack's items in fill order, with the sums the greedy fill needs (docs/theory.md §3).</summary>
    internal KnapsackItems Knapsack { get; }

    /// <summary>f(m; N, q_j), exact.</summary>
    public Fraction TypeProbability(Side side, int goodCount) => binomial[(int)side][goodCount];

    /// <summary>f(k; N-1, q_j): the law of j's other good values given one object is fixed.</summary>
    internal ReadOnlySpan<double> OtherObjectsProbabilities(Side side) => binomialOthers[(int)side];

    /// <summary>Expected gains NI of any bad-good trade probabilities mu^b, mu^s (index m = 0..N-1 used) (004 (11)).</summary>
    public double ExpectedGains(IReadOnlyList<double> buyerMu, IReadOnlyList<double> sellerMu)
    {
        var gains = GoodGoodGains.ToDouble();
        for (var m = 0; m < Objects; m++)
        {
            gains += Surplus(Side.Buyers, m).ToDouble() * buyerMu[m] + Surplus(Side.Sellers, m).ToDouble() * sellerMu[m];
        }

        return gains;
    }

    /// <summary>Ex-ante information rent sum_m A^j_m mu^j_m: j's utility above its worst type's payment c^j (004 (10)).</summary>
    public double InformationRent(Side side, IReadOnlyList<double> mu)
    {
        var total = 0.0;
        for (var m = 0; m < Objects; m++)
        {
            total += Rent(side, m).ToDouble() * mu[m];
        }

        return total;
    }

    /// <summary>
    /// f(k; trials, q) for k = 0..trials, exact. q is a double, so q = a / 2^e with a odd and 1 - q = c / 2^e,
    /// and f(k) = C(trials, k) a^k c^(trials - k) / 2^(e trials): integers P_k over one power of two, with
    /// P_{k+1} = P_k a (trials - k) / (c (k + 1)) exactly. One small multiplication and division per k,
    /// instead of products of ever longer powers (their numerators have about 54 trials bits).
    /// </summary>
    private static Fraction[] BinomialPmf(int trials, Fraction probability)
    {
        if (!probability.IsDyadic)
        {
            throw new ArgumentException("a probability read from a double is a dyadic rational", nameof(probability));
        }

        var success = probability.Numerator;
        var scale = probability.Denominator;
        var failure = scale - success;
        var denominator = BigInteger.Pow(scale, trials);
        var pmf = new Fraction[trials + 1];
        var term = BigInteger.Pow(failure, trials);
        for (var k = 0; k <= trials; k++)
        {
            pmf[k] = new Fraction(term, denominator);
            if (k < trials)
            {
                term = term * success * (trials - k) / (failure * (k + 1));
            }
        }

        return pmf;
    }
}
