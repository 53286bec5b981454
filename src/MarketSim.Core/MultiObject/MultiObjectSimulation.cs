using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Random;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// One replication of a <c>multi-object-threshold</c> mechanism (docs/theory.md §3): <c>Pairs</c> independent
/// buyer-seller pairs, each side drawing N i.i.d. binary values (good with probability q_j) and
/// reporting truthfully (the mechanism is IC); the clearinghouse runs the mechanism per pair with
/// per-object lotteries. Streams (docs/theory.md §6), with P = "multi-object:" + label:
/// buyer (seed, replication, P + ":buyer", pair), seller (..., P + ":seller", pair),
/// lotteries (..., P + ":lottery", pair); uniform i of a stream belongs to object i. Keyed by pair
/// index, so the actors (buyer and seller cohorts of pairs) draw exactly what <see cref="Run(ulong, int)"/> draws.
/// Metrics are per pair (means over pairs) except the violation count.
/// </summary>
public sealed class MultiObjectSimulation : IStandaloneMechanism
{
    /// <summary>The metrics of <see cref="Run(ulong, int)"/>, in order (snake_case, docs/theory.md §5).</summary>
    public static readonly IReadOnlyList<string> MetricNames =
    [
        "realized_gains",
        "first_best_gains",
        "efficiency",
        "buyer_utility",
        "seller_utility",
        "revenue_per_pair",
        "ex_post_ir_violations",
    ];

    private readonly string buyerPurpose;
    private readonly string sellerPurpose;
    private readonly string lotteryPurpose;
    private readonly double violationTolerance;

    /// <param name="sellerWeight">Overrides the spec's a_s (e.g. for a sweep); null = the spec's weight or its default.</param>
    public MultiObjectSimulation(MultiObjectThresholdSpec spec, double? sellerWeight = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        Problem = new MultiObjectProblem(spec.Objects, spec.Buyer, spec.Seller);
        Mechanism = ThresholdSolver.Solve(Problem, sellerWeight ?? spec.EffectiveSellerWeight);
        var prefix = "multi-object:" + spec.Label;
        buyerPurpose = prefix + ":buyer";
        sellerPurpose = prefix + ":seller";
        lotteryPurpose = prefix + ":lottery";

        // Rounding guard for "negative utility": 1e-9 of the largest money at stake in a pair.
        violationTolerance = 1e-9 * spec.Objects * Math.Max(1.0, Math.Abs(spec.Buyer.High) + Math.Abs(spec.Seller.High));

        var continuum = new Dictionary<string, double>
        {
            ["realized_gains"] = Mechanism.GainsFromTrade,
            ["first_best_gains"] = Mechanism.FirstBestGains,
            ["efficiency"] = Mechanism.Efficiency,
            ["buyer_utility"] = Mechanism.Buyer.Utility,
            ["seller_utility"] = Mechanism.Seller.Utility,
            ["revenue_per_pair"] = Mechanism.ExpectedRevenue,
        };
        if (spec.Budget == BudgetBalance.ExAnte)
        {
            // Ex ante the realised utility is tau^j(m) >= c^j >= 0 in every state (docs/theory.md §3).
            continuum["ex_post_ir_violations"] = 0;
        }

        ContinuumValues = continuum;
    }

    public MultiObjectThresholdSpec Spec { get; }

    public MultiObjectProblem Problem { get; }

    public ThresholdMechanism Mechanism { get; }

    /// <summary>
    /// The theory value of each metric (per pair: NI, first-best gains, NI / first best, NU^b, NU^s,
    /// expected revenue 0). <c>ex_post_ir_violations</c> is given (0) only for the ex-ante version.
    /// </summary>
    public IReadOnlyDictionary<string, double> ContinuumValues { get; }

    /// <summary>Solves the spec's mechanism and runs replication <paramref name="replication"/>.</summary>
    public static IReadOnlyList<MetricValue> Run(MultiObjectThresholdSpec spec, ulong seed, int replication) =>
        new MultiObjectSimulation(spec).Run(seed, replication);

    public string Name => Spec.Label;

    /// <summary>The pairs.</summary>
    public int Units => Spec.Pairs;

    /// <summary>Role 0 is the buyer, role 1 the seller.</summary>
    public int Roles => 2;

    /// <summary>One draw per object: 1 = good (eager to trade), 0 = bad.</summary>
    public int DrawsPerUnit => Spec.Objects;

    IReadOnlyList<string> IStandaloneMechanism.MetricNames => MetricNames;

    public string RoleName(int role) => role == 0 ? "buyer" : "seller";

    /// <summary>One replication; a pure function of (spec, seed, replication) (docs/theory.md §6).</summary>
    public IReadOnlyList<MetricValue> Run(ulong seed, int replication) => IStandaloneMechanism.DrawAndClear(this, seed, replication);

    /// <summary>
    /// Pairs [firstPair, ...) of one side draw their N values: uniform i of the pair's stream
    /// (seed, replication, P + ":buyer" or P + ":seller", pair) decides object i (docs/theory.md §3, §6).
    /// </summary>
    public void Draw(ulong seed, int replication, int role, int firstUnit, Span<double> values)
    {
        var n = Spec.Objects;
        var (purpose, probability) = role == 0
            ? (buyerPurpose, Spec.Buyer.GoodProbability)
            : (sellerPurpose, Spec.Seller.GoodProbability);
        for (var unit = 0; unit < values.Length / n; unit++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(seed, replication, purpose, firstUnit + unit));
            for (var i = 0; i < n; i++)
            {
                values[(unit * n) + i] = stream.NextBernoulli(probability) ? 1.0 : 0.0;
            }
        }
    }

    /// <summary>The clearinghouse: runs the mechanism for every pair in pair order, per-object lotteries from the pair's stream.</summary>
    public IReadOnlyList<MetricValue> Clear(ulong seed, int replication, IReadOnlyList<double[]> draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        var n = Spec.Objects;
        var buyerDraws = draws[0];
        var sellerDraws = draws[1];
        var buyerGood = new bool[n];
        var sellerGood = new bool[n];
        var trades = new double[n];
        double gains = 0, firstBest = 0, buyerUtility = 0, sellerUtility = 0, revenue = 0;
        var violations = 0;

        for (var pair = 0; pair < Spec.Pairs; pair++)
        {
            var lottery = new RandomStream(StreamKey.ForPurpose(seed, replication, lotteryPurpose, pair));
            for (var i = 0; i < n; i++)
            {
                buyerGood[i] = buyerDraws[(pair * n) + i] != 0;
                sellerGood[i] = sellerDraws[(pair * n) + i] != 0;
            }

            var outcome = ThresholdClearing.Clear(Mechanism, Spec.Budget, buyerGood, sellerGood, ref lottery, trades);
            double buyerValue = 0, sellerValue = 0;
            for (var i = 0; i < n; i++)
            {
                var buyer = Problem.ReportedValue(Side.Buyers, buyerGood[i]);
                var seller = Problem.ReportedValue(Side.Sellers, sellerGood[i]);
                buyerValue += trades[i] * buyer;
                sellerValue += trades[i] * seller;
                firstBest += Math.Max(0, buyer - seller);
            }

            var buyerNet = buyerValue - outcome.BuyerPayment;
            var sellerNet = outcome.SellerReceipt - sellerValue;
            gains += buyerValue - sellerValue;
            buyerUtility += buyerNet;
            sellerUtility += sellerNet;
            revenue += outcome.Revenue;
            violations += (buyerNet < -violationTolerance ? 1 : 0) + (sellerNet < -violationTolerance ? 1 : 0);
        }

        double pairs = Spec.Pairs;
        return
        [
            new("realized_gains", gains / pairs),
            new("first_best_gains", firstBest / pairs),
            new("efficiency", firstBest > 0 ? gains / firstBest : 1.0), // no gains possible: nothing lost
            new("buyer_utility", buyerUtility / pairs),
            new("seller_utility", sellerUtility / pairs),
            new("revenue_per_pair", revenue / pairs),
            new("ex_post_ir_violations", violations),
        ];
    }
}
