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
    private readonly Fraction[][] costPerRent = new Fraction[2][];
    private readonly double[][] binomialOthers = new double[2][];

    public MultiObjectProblem(int objects, BinaryValues buyer, BinaryValues seller)
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

            costPerRent[index] = new Fraction[objects];
            for (var m = 0; m < objects; m++)
            {
                costPerRent[index][m] = (rent[index][m] - surplus[index][m]) / rent[index][m];
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
    public Fraction Cost(Side side, int goodCount) => Rent(side, goodCount) - Surplus(side, goodCount);

    /// <summary>
    /// b^j_m / A^j_m = 1 - rho^j_m with rho = S/A (m &lt; N): a_j times mu^j_m's cost-to-benefit ratio
    /// (004 Lemma 1). Falls strictly in m (Claim 1); &lt;= 0 when the surplus covers the rent.
    /// </summary>
    public Fraction CostPerRent(Side side, int goodCount) => costPerRent[(int)side][goodCount];

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

    private static Fraction[] BinomialPmf(int trials, Fraction probability)
    {
        var complement = 1 - probability;
        var successPowers = new Fraction[trials + 1];
        var failurePowers = new Fraction[trials + 1];
        successPowers[0] = Fraction.One;
        failurePowers[0] = Fraction.One;
        for (var k = 1; k <= trials; k++)
        {
            successPowers[k] = successPowers[k - 1] * probability;
            failurePowers[k] = failurePowers[k - 1] * complement;
        }

        var pmf = new Fraction[trials + 1];
        var choose = BigInteger.One;
        for (var k = 0; k <= trials; k++)
        {
            pmf[k] = new Fraction(choose, BigInteger.One) * successPowers[k] * failurePowers[trials - k];
            choose = choose * (trials - k) / (k + 1);
        }

        return pmf;
    }
}
